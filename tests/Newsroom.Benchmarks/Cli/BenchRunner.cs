using Newsroom.Benchmarks.Corpus;
using Newsroom.Benchmarks.Load;
using Newsroom.Benchmarks.Reporting;
using Npgsql;

namespace Newsroom.Benchmarks.Cli;

/// <summary>The <c>run</c> command: corpus (generated or reused), load against baseline and site, table, JSON.</summary>
public sealed class BenchRunner(BenchOptions options, TextWriter output)
{
    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        if (!Wrk.IsInstalled())
        {
            throw new InvalidOperationException("wrk is not installed (apt-get install wrk; ./bench.sh installs it).");
        }

        var siteDll = FindSiteDll(options.Site);
        var generated = options.Reuse is null;
        var corpus = generated
            ? await GenerateAsync(cancellationToken)
            : await CorpusManifest.LoadAsync(options.Reuse!, cancellationToken);
        try
        {
            if (!generated)
            {
                output.WriteLine($"corpus: reusing {corpus.Articles:N0} articles in {corpus.DataPath} (imported at {corpus.ItemsPerSecond:N0} items/s)");
            }

            var report = await new LoadHarness(options, corpus, siteDll, output).RunAsync(cancellationToken);
            output.WriteLine();
            output.Write(report.ToTable());
            var file = await report.SaveJsonAsync(options.Results, TimeProvider.System, cancellationToken);
            output.WriteLine($"Results: {Path.GetFullPath(file)}");
            return report;
        }
        finally
        {
            if (generated && !options.Keep)
            {
                await DeleteAsync(corpus);
            }
            else if (generated)
            {
                output.WriteLine($"The corpus is kept: rerun with --reuse {corpus.DataPath}");
            }
        }
    }

    public async Task<CorpusManifest> GenerateAsync(CancellationToken cancellationToken)
    {
        var folder = options.Data ?? Path.Combine(Path.GetTempPath(), "newsroom-bench", Guid.NewGuid().ToString("N")[..12]);
        output.WriteLine($"corpus: generating {options.Articles:N0} articles into {folder}");
        return await new CorpusGenerator(output).GenerateAsync(
            folder,
            new CorpusOptions { Articles = options.Articles, Bylines = options.Bylines, BatchSize = options.BatchSize, PostgresServer = options.Postgres },
            cancellationToken);
    }

    /// <summary>
    /// The site's Release build: given, or found in the repository (src/Newsroom.Web/bin/&lt;config&gt;/net10.0),
    /// so it runs with its own deps.json and module folder, exactly as <c>dotnet Newsroom.Web.dll</c> does in production.
    /// </summary>
    public static string FindSiteDll(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new InvalidOperationException($"--site {given} does not exist.");
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Newsroom.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Newsroom.Web", "bin", configuration, "net10.0", "Newsroom.Web.dll");
                return File.Exists(dll)
                    ? dll
                    : throw new InvalidOperationException($"{dll} is missing: build it first (dotnet build src/Newsroom.Web -c {configuration}) or pass --site.");
            }
        }

        throw new InvalidOperationException("Newsroom.sln not found above the benchmark's folder: pass --site path/to/Newsroom.Web.dll.");
    }

    private async Task DeleteAsync(CorpusManifest corpus)
    {
        if (corpus.ConnectionString is not null && options.Postgres is not null)
        {
            var name = new NpgsqlConnectionStringBuilder(corpus.ConnectionString).Database;
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(options.Postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(corpus.DataPath, recursive: true);
        }
        catch (IOException ex)
        {
            output.WriteLine($"Could not delete {corpus.DataPath}: {ex.Message}");
        }
    }
}
