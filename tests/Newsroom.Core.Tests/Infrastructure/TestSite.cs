using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Metadata;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Newsroom.Modules.Shells;
using Newsroom.Testing;

namespace Newsroom.Core.Tests.Infrastructure;

/// <summary>
/// The real host on a throwaway database, set up from the "empty" recipe, with two small content
/// types for the tests: Note (draftable) and Story (draftable and versionable: every save is a version).
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    public const string Note = "Note";
    public const string Story = "Story";

    private TestSite(TestDatabase database, NewsroomSite site, WebApplicationFactory<Program> factory)
    {
        Database = database;
        Site = site;
        Factory = factory;
    }

    public TestDatabase Database { get; }

    public NewsroomSite Site { get; }

    /// <summary>The running host: <see cref="Site"/> itself, or a copy with the test's extra host configuration.</summary>
    public WebApplicationFactory<Program> Factory { get; }

    public ShellContext Shell => Factory.Services.GetRequiredService<ShellHost>().Current;

    /// <summary>A site with no features and no theme (a recipe of this test project).</summary>
    public const string BareRecipe = "coretests-bare";

    public static async Task<TestSite> StartAsync(string provider, FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null, string recipe = "empty")
    {
        var database = await TestDatabase.CreateAsync(provider);
        var site = new NewsroomSite(database, recipe, settings, clock);
        var factory = configure is null ? site : site.WithWebHostBuilder(configure);
        _ = factory.Server; // starts the host: migrations and the setup recipe run now
        var testSite = new TestSite(database, site, factory);
        await testSite.DefineTypesAsync();
        return testSite;
    }

    public AsyncServiceScope Scope() => Shell.ServiceProvider.CreateAsyncScope();

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> work) =>
        WithScopeAsync(async sp =>
        {
            await work(sp);
            return true;
        });

    public Task WithContentAsync(Func<IContentManager, Task> work) =>
        WithScopeAsync(sp => work(sp.GetRequiredService<IContentManager>()));

    public Task<T> WithContentAsync<T>(Func<IContentManager, Task<T>> work) =>
        WithScopeAsync(sp => work(sp.GetRequiredService<IContentManager>()));

    /// <summary>Creates an item in its own scope and returns it as saved.</summary>
    public Task<ContentItem> CreateAsync(string type, string body, VersionOptions? options = null, Action<ContentItem>? configure = null) =>
        WithContentAsync(async content =>
        {
            var item = await content.NewAsync(type);
            item.DisplayText = body;
            item.Alter<StoryPart>(p => p.Body = body);
            configure?.Invoke(item);
            await content.CreateAsync(item, options ?? VersionOptions.Draft);
            return item;
        });

    /// <summary>The version rows of one item exactly as stored, by number.</summary>
    public Task<List<ContentItemRecord>> RowsAsync(string contentItemId) =>
        WithScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Set<ContentItemRecord>().AsNoTracking()
            .Where(r => r.ContentItemId == contentItemId).OrderBy(r => r.Number).ToListAsync());

    /// <summary>Every table of the database and its row count, read from the database's own catalog.</summary>
    public Task<SortedDictionary<string, long>> TableCountsAsync() =>
        WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var tables = new List<string>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = db.IsSqlite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                        : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        tables.Add(reader.GetString(0));
                    }
                }

                var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
                // Leases are the background services' own bookkeeping (a scheduler claims one on its
                // timer), not data a recipe or an operation writes: they would make counts race.
                foreach (var table in tables.Where(t => t != "Leases"))
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                    counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                }

                return counts;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    /// <summary>Each stored document's key and version.</summary>
    public Task<SortedDictionary<string, long>> DocumentVersionsAsync() =>
        WithScopeAsync(async sp =>
            new SortedDictionary<string, long>(
                await sp.GetRequiredService<NewsroomDbContext>().Documents.AsNoTracking().ToDictionaryAsync(d => d.Key, d => d.Version),
                StringComparer.Ordinal));

    /// <summary>Turns features on or off through the real feature manager, then rebuilds the shell.</summary>
    public async Task SetFeaturesAsync(string[]? enable = null, string[]? disable = null)
    {
        await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var features = sp.GetRequiredService<ShellFeatureManager>();
            await db.InTransactionAsync(async () =>
            {
                if (enable is not null)
                {
                    await features.EnableAsync(enable);
                }

                if (disable is not null)
                {
                    await features.DisableAsync(disable);
                }
            });
        });
        await Factory.Services.GetRequiredService<ShellHost>().ReloadAsync(CancellationToken.None);
    }

    private Task DefineTypesAsync() =>
        WithScopeAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            await definitions.AlterTypeDefinitionAsync(Note, t => t.DisplayedAs("Note").Creatable().Listable().Draftable().WithPart(nameof(StoryPart)));
            await definitions.AlterTypeDefinitionAsync(Story, t => t.DisplayedAs("Story").Creatable().Listable().Draftable().Versionable().WithPart(nameof(StoryPart)));
        });

    public async ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(Factory, Site))
        {
            await Factory.DisposeAsync();
        }

        await Site.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>The test types' one part.</summary>
public sealed class StoryPart : ContentPart
{
    public string Body { get; set; } = "";
}
