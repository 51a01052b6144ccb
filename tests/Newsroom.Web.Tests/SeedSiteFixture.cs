using Newsroom.Testing;

namespace Newsroom.Web.Tests;

/// <summary>
/// One site set up from the newsroom recipe on a temp SQLite database, shared by tests that only
/// read. Tests that change content start their own site.
/// </summary>
public sealed class SeedSiteFixture : IAsyncLifetime
{
    public const string SeedPath = "/world/nagorno-karabakh-conflict-putin-armenian-pm-discuss-worsening-situation";

    private TestDatabase? _database;

    public NewsroomSite Site { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        Site = new NewsroomSite(_database);
        Client = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Site.DisposeAsync();
        await _database!.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SeedSiteCollection : ICollectionFixture<SeedSiteFixture>
{
    public const string Name = "seed site";
}
