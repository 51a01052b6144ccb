using Microsoft.AspNetCore.Mvc.Testing;
using Newsroom.Testing;

namespace Newsroom.Web.Tests;

/// <summary>
/// Tests that change content: each test class gets its own SQLite site set up from the sample recipe and
/// a client that does not follow redirects (so 301/410 answers can be asserted).
/// </summary>
public abstract class SeededSiteTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected NewsroomSite Site { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        Site = new NewsroomSite(_database);
        Client = Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Site.DisposeAsync();
        await _database.DisposeAsync();
    }
}
