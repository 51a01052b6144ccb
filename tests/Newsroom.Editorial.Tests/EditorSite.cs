using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Queries;
using Newsroom.Testing;
using Newsroom.Users.Permissions;
using Newsroom.Users.Services;
using Shouldly;

namespace Newsroom.Editorial.Tests;

/// <summary>The sample site (newsroom recipe) with an administrator from configuration and one user per role.</summary>
public sealed class EditorSite : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private EditorSite(TestDatabase database, NewsroomSite site)
    {
        Database = database;
        Site = site;
    }

    public TestDatabase Database { get; }

    public NewsroomSite Site { get; }

    /// <summary>The Kestrel address when started with <c>kestrel: true</c>.</summary>
    public Uri? Address { get; private init; }

    public static async Task<EditorSite> StartAsync(FakeTimeProvider? clock = null, bool kestrel = false)
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var site = new NewsroomSite(
            database,
            "newsroom",
            new Dictionary<string, string?>
            {
                ["Newsroom:Setup:AdminUserName"] = "admin",
                ["Newsroom:Setup:AdminEmail"] = "admin@example.test",
                ["Newsroom:Setup:AdminPassword"] = Password,
            },
            clock);
        // Kestrel must be chosen before the host starts; either way the host starts here.
        var address = kestrel ? site.StartKestrel() : null;
        _ = site.Services;
        var editorSite = new EditorSite(database, site) { Address = address };
        await editorSite.CreateUserAsync("editor", StandardRoles.Editor);
        await editorSite.CreateUserAsync("alice", StandardRoles.Author);
        await editorSite.CreateUserAsync("bob", StandardRoles.Author);
        await editorSite.CreateUserAsync("carl", StandardRoles.Contributor);
        return editorSite;
    }

    public async Task CreateUserAsync(string userName, string role)
    {
        await using var scope = Site.CreateShellScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(userName, $"{userName}@example.test", Password, role);
    }

    public async Task<SiteClient> SignedInAsync(string userName)
    {
        var client = new SiteClient(Site);
        var answer = await client.SignInAsync(userName, Password);
        if (answer.Status != System.Net.HttpStatusCode.Redirect || !client.Cookies.ContainsKey(SiteClient.SessionCookie))
        {
            throw new InvalidOperationException($"{userName} could not sign in: {(int)answer.Status}.");
        }

        return client;
    }

    public async Task<ContentItem?> LatestAsync(string id)
    {
        await using var scope = Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest);
    }

    public async Task<ContentItem?> PublishedAsync(string id)
    {
        await using var scope = Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published);
    }

    /// <summary>Items of <paramref name="type"/> owned by <paramref name="owner"/>.</summary>
    public async Task<int> CountAsync(string type, string owner)
    {
        await using var scope = Site.CreateShellScope();
        var page = await scope.ServiceProvider.GetRequiredService<ContentListService>().ListAsync(new ContentListQuery { ContentTypes = [type], Owner = owner });
        return page.Total ?? 0;
    }

    /// <summary>The id of the one item of <paramref name="type"/> owned by <paramref name="owner"/>.</summary>
    public async Task<string> OnlyItemAsync(string type, string owner)
    {
        await using var scope = Site.CreateShellScope();
        var page = await scope.ServiceProvider.GetRequiredService<ContentListService>().ListAsync(new ContentListQuery { ContentTypes = [type], Owner = owner });
        return page.Items.ShouldHaveSingleItem().ContentItemId;
    }

    /// <summary>The id of a byline from the sample content.</summary>
    public async Task<string> AnyBylineIdAsync()
    {
        await using var scope = Site.CreateShellScope();
        var page = await scope.ServiceProvider.GetRequiredService<ContentListService>().ListAsync(new ContentListQuery { ContentTypes = ["Byline"], PageSize = 1 });
        return page.Items[0].ContentItemId;
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Database.DisposeAsync();
    }
}
