using System.Text.Json;

namespace Newsroom.Benchmarks.Corpus;

/// <summary>What a generated corpus holds and how long it took; saved as <c>corpus.json</c> in its folder so <c>--reuse</c> can read it.</summary>
public sealed class CorpusManifest
{
    public const string FileName = "corpus.json";

    public string DataPath { get; set; } = "";

    public string Provider { get; set; } = "";

    public string? ConnectionString { get; set; }

    public string AdminPassword { get; set; } = "";

    public int Articles { get; set; }

    public int Bylines { get; set; }

    public int AdSlots { get; set; }

    /// <summary>Every item imported (articles, bylines, ad slots).</summary>
    public int Items { get; set; }

    public double SetupSeconds { get; set; }

    public double ImportSeconds { get; set; }

    public double ItemsPerSecond => ImportSeconds > 0 ? Items / ImportSeconds : 0;

    /// <summary>Size of the database file(s) or of the PostgreSQL database, in bytes.</summary>
    public long DatabaseBytes { get; set; }

    /// <summary>A published article in the middle of the corpus: the article scenarios load it.</summary>
    public string SampleArticleId { get; set; } = "";

    public string SampleArticleSlug { get; set; } = "";

    public string SampleArticleSection { get; set; } = "";

    /// <summary>The path the site indexed for the sample article (ArticleRoutes), when its handlers did so.</summary>
    public string? SampleArticleRoute { get; set; }

    public List<string> Sections { get; set; } = [];

    public BenchDatabase ToDatabase() => new(DataPath, Provider, ConnectionString) { AdminPassword = AdminPassword };

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await using var stream = File.Create(Path.Combine(DataPath, FileName));
        await JsonSerializer.SerializeAsync(stream, this, s_json, cancellationToken);
    }

    public static async Task<CorpusManifest> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"'{folder}' holds no {FileName}: it is not a corpus made by this tool.");
        }

        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync<CorpusManifest>(stream, s_json, cancellationToken)
            ?? throw new InvalidOperationException($"{file} is empty.");
    }

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };
}
