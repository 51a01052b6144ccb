using Newsroom.Benchmarks.Corpus;

namespace Newsroom.Benchmarks.Micro;

/// <summary>
/// A corpus generated through the site into a temp folder, and the site started on it: what a
/// micro-benchmark class sets up once. Disposing stops the site and deletes the folder.
/// </summary>
internal sealed class MicroCorpus : IAsyncDisposable
{
    private readonly string _folder;

    private MicroCorpus(string folder, CorpusManifest manifest, BenchSite site)
    {
        _folder = folder;
        Manifest = manifest;
        Site = site;
    }

    public CorpusManifest Manifest { get; }

    public BenchSite Site { get; }

    public static async Task<MicroCorpus> CreateAsync(CorpusOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newsroom-bench-micro", Guid.NewGuid().ToString("N")[..12]);
        var manifest = await new CorpusGenerator(Console.Out).GenerateAsync(folder, options, CancellationToken.None);
        var site = await BenchSite.StartAsync(manifest.ToDatabase(), CancellationToken.None);
        return new MicroCorpus(folder, manifest, site);
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }
}
