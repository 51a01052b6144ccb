using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Advertising.Models;
using Newsroom.Articles.Indexes;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Metadata;
using Newsroom.Data;
using Newsroom.Modules;
using Npgsql;

namespace Newsroom.Benchmarks.Corpus;

public sealed record CorpusOptions
{
    public int Articles { get; init; } = 100_000;

    public int Bylines { get; init; } = 200;

    /// <summary>
    /// Items written per transaction (one batch import, one DbContext). The batch import lets go of
    /// what each item tracked, so a larger batch no longer costs more per item; it saves commits, and
    /// each commit rewrites the index pages the batch touched. 1,000 imported 100,000 articles 1.4 ×
    /// faster than 100; 5,000 was no faster than 1,000.
    /// </summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>A PostgreSQL server; a fresh database is created on it. Null for SQLite.</summary>
    public string? PostgresServer { get; init; }
}

/// <summary>
/// Sets a site up and fills it with a corpus through the real import path: the site's own host and
/// shell, <see cref="IContentManager.ImportAsync"/> with every content handler the enabled modules
/// register, in transactions of <see cref="CorpusOptions.BatchSize"/> items. No raw SQL.
/// </summary>
public sealed class CorpusGenerator(TextWriter log)
{
    /// <summary>Used when the site settings have no sections yet (the "empty" recipe on this branch).</summary>
    private static readonly (string Slug, string Name)[] s_defaultSections =
        [("world", "World"), ("india", "India"), ("business", "Business"), ("technology", "Technology"), ("sports", "Sports")];

    public async Task<CorpusManifest> GenerateAsync(string folder, CorpusOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var database = new BenchDatabase(
            Path.GetFullPath(folder),
            options.PostgresServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres,
            options.PostgresServer is null ? null : await CreatePostgresDatabaseAsync(options.PostgresServer, cancellationToken));

        var setupClock = Stopwatch.StartNew();
        await using var site = await BenchSite.StartAsync(database, cancellationToken);
        var sections = await PrepareSiteAsync(site, cancellationToken);
        setupClock.Stop();
        log.WriteLine($"corpus: site set up in {setupClock.Elapsed.TotalSeconds:F1} s ({database.Provider}, sections: {string.Join(", ", sections)})");

        var factory = new ArticleFactory();
        var importClock = Stopwatch.StartNew();
        // CPU time as well as wall time: on a shared machine the wall clock also counts other work.
        var importCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var bylines = Enumerable.Range(0, options.Bylines).Select(factory.Byline).ToList();
        var slots = new List<ContentItem>
        {
            factory.AdSlot("article-top", "728x90", AdPlacement.InArticle),
            factory.AdSlot("article-bottom", "300x250", AdPlacement.InArticle),
            factory.AdSlot("sidebar", "300x250", AdPlacement.Sidebar),
        };
        await ImportBatchAsync(site, bylines.Concat(slots).ToList(), cancellationToken);

        var bylineIds = bylines.ConvertAll(b => b.ContentItemId);
        var slotIds = slots.ConvertAll(s => s.ContentItemId);
        // The articles are made on another thread, a batch ahead of the import: writing them is what
        // the clock measures, not making them up (about 2 % of the import when it was done in turn).
        var batches = Channel.CreateBounded<List<ContentItem>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        // Stops the maker when the import fails, so it does not wait on a full channel forever.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => MakeArticlesAsync(factory, options, sections, bylineIds, slotIds, batches.Writer, stop.Token), stop.Token);
        (string Id, string Slug, string Section) sample;
        try
        {
            var imported = 0;
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                await ImportBatchAsync(site, batch, cancellationToken);
                imported += batch.Count;
                if (imported % 10_000 < options.BatchSize && imported >= 10_000)
                {
                    log.WriteLine($"corpus: {imported:N0} articles, {(imported + bylines.Count + slots.Count) / importClock.Elapsed.TotalSeconds:N0} items/s");
                }
            }

            sample = await producer;
        }
        finally
        {
            await stop.CancelAsync();
        }

        importClock.Stop();
        importCpu = Process.GetCurrentProcess().TotalProcessorTime - importCpu;
        var manifest = new CorpusManifest
        {
            DataPath = database.DataPath,
            Provider = database.Provider,
            ConnectionString = database.ConnectionString,
            AdminPassword = database.AdminPassword,
            Articles = options.Articles,
            Bylines = bylines.Count,
            AdSlots = slots.Count,
            Items = options.Articles + bylines.Count + slots.Count,
            SetupSeconds = setupClock.Elapsed.TotalSeconds,
            ImportSeconds = importClock.Elapsed.TotalSeconds,
            SampleArticleId = sample.Id,
            SampleArticleSlug = sample.Slug,
            SampleArticleSection = sample.Section,
            Sections = sections,
        };
        manifest.SampleArticleRoute = await FindRouteAsync(site, sample.Id, cancellationToken);
        manifest.DatabaseBytes = await DatabaseSizeAsync(site, database, cancellationToken);
        await manifest.SaveAsync(cancellationToken);
        log.WriteLine($"corpus: {manifest.Items:N0} items imported in {manifest.ImportSeconds:F1} s = {manifest.ItemsPerSecond:N0} items/s (process CPU {importCpu.TotalSeconds:F1} s)");
        return manifest;
    }

    /// <summary>
    /// Setup ran the "empty" recipe. Enables every module and the theme (their migrations define
    /// Article and Byline), gives the site sections if the recipe did not, and defines the
    /// AdvertisementSlot and RelatedLink types when no module has yet.
    /// </summary>
    private static async Task<List<string>> PrepareSiteAsync(BenchSite site, CancellationToken cancellationToken)
    {
        await using (var scope = site.CreateShellScope())
        {
            var services = scope.ServiceProvider;
            var catalog = services.GetRequiredService<ModuleCatalog>();
            var features = services.GetRequiredService<ShellFeatureManager>();
            var db = services.GetRequiredService<NewsroomDbContext>();
            var changed = await db.InTransactionAsync(
                async () =>
                {
                    var enabled = await features.EnableAsync(catalog.Modules.Where(m => !m.IsTheme).Select(m => m.Id), cancellationToken);
                    var theme = catalog.Modules.FirstOrDefault(m => m.IsTheme && m.Id == "Newsroom.Theme") is null
                        ? false
                        : await features.SetThemesAsync("Newsroom.Theme", null, cancellationToken);
                    return enabled || theme;
                },
                cancellationToken);
            if (changed)
            {
                await site.Shells.ReloadAsync(cancellationToken);
            }
        }

        await using (var scope = site.CreateShellScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<NewsroomDbContext>();
            var documents = services.GetRequiredService<IDocumentStore>();
            var definitions = services.GetRequiredService<IContentDefinitionManager>();
            return await db.InTransactionAsync(
                async () =>
                {
                    var settings = await documents.GetForUpdateAsync<SiteSettings>(cancellationToken);
                    if (settings.Sections.Count == 0)
                    {
                        settings.Sections = s_defaultSections.Select(s => new SectionSettings { Slug = s.Slug, Name = s.Name }).ToList();
                        await documents.SaveAsync(settings, cancellationToken);
                    }

                    foreach (var type in new[] { "Article", "Byline" })
                    {
                        if (await definitions.GetTypeDefinitionAsync(type, cancellationToken) is null)
                        {
                            throw new InvalidOperationException($"The content type {type} is not defined after enabling every module: the corpus cannot be imported.");
                        }
                    }

                    if (await definitions.GetTypeDefinitionAsync("AdvertisementSlot", cancellationToken) is null)
                    {
                        await definitions.AlterTypeDefinitionAsync("AdvertisementSlot", t => t.DisplayedAs("Advertisement slot").Creatable().Listable().WithPart(nameof(AdvertisementSlotPart)), cancellationToken);
                    }

                    if (await definitions.GetTypeDefinitionAsync("RelatedLink", cancellationToken) is null)
                    {
                        await definitions.AlterTypeDefinitionAsync("RelatedLink", t => t.DisplayedAs("Related link").Creatable().Listable().WithPart("RelatedLinkPart"), cancellationToken);
                    }

                    return settings.Sections.Select(s => s.Slug).ToList();
                },
                cancellationToken);
        }
    }

    /// <summary>
    /// Makes the articles in order, in batches of <see cref="CorpusOptions.BatchSize"/>, and returns the
    /// one in the middle (the sample the load run asks for). The channel is completed either way.
    /// </summary>
    private static async Task<(string Id, string Slug, string Section)> MakeArticlesAsync(
        ArticleFactory factory,
        CorpusOptions options,
        IReadOnlyList<string> sections,
        IReadOnlyList<string> bylineIds,
        IReadOnlyList<string> slotIds,
        ChannelWriter<List<ContentItem>> batches,
        CancellationToken cancellationToken)
    {
        var sample = (Id: "", Slug: "", Section: "");
        try
        {
            var articleIds = new List<string>(options.Articles);
            var batch = new List<ContentItem>(options.BatchSize);
            for (var i = 0; i < options.Articles; i++)
            {
                var article = factory.Article(i, sections, bylineIds, slotIds, articleIds);
                if (i == options.Articles / 2)
                {
                    var part = article.As<Articles.Models.ArticlePart>();
                    sample = (article.ContentItemId, part.Slug, part.Section ?? "");
                }

                batch.Add(article);
                articleIds.Add(article.ContentItemId);
                if (batch.Count == options.BatchSize || i == options.Articles - 1)
                {
                    await batches.WriteAsync(batch, cancellationToken);
                    batch = new List<ContentItem>(options.BatchSize);
                }
            }

            batches.Complete();
            return sample;
        }
        catch (Exception ex)
        {
            batches.Complete(ex);
            throw;
        }
    }

    /// <summary>One transaction, one DbContext: the content manager's batch import, with every handler.</summary>
    private static async Task ImportBatchAsync(BenchSite site, List<ContentItem> items, CancellationToken cancellationToken)
    {
        await using var scope = site.CreateShellScope();
        await scope.ServiceProvider.GetRequiredService<IContentManager>().ImportAsync(items, cancellationToken);
    }

    private static async Task<string?> FindRouteAsync(BenchSite site, string articleId, CancellationToken cancellationToken)
    {
        await using var scope = site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return await db.Set<ArticleRoute>().AsNoTracking()
            .Where(r => r.ContentItemId == articleId && r.IsCurrent)
            .Select(r => r.Path)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<long> DatabaseSizeAsync(BenchSite site, BenchDatabase database, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return Directory.EnumerateFiles(database.DataPath, "newsroom.db*").Sum(f => new FileInfo(f).Length);
        }

        await using var scope = site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>A fresh database on the given server, so a run never mixes with an earlier one.</summary>
    private static async Task<string> CreatePostgresDatabaseAsync(string server, CancellationToken cancellationToken)
    {
        var name = "newsroom_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
