using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Metadata;
using Newsroom.Data;
using Newsroom.Modules.Shells;
using Newsroom.Testing;
using Newsroom.Users.Permissions;
using Newsroom.Users.Services;

namespace Newsroom.Admin.Tests;

/// <summary>
/// A running site on the "empty" recipe, for admin tests: arranges features, users and content
/// through the shell's own services; the tests then act only through HTTP.
/// </summary>
public sealed class AdminSite : IAsyncDisposable
{
    public const string AdminName = "admin";
    public const string Password = "correct horse battery";

    private readonly bool _ownsDatabase;

    private AdminSite(TestDatabase database, NewsroomSite site, bool ownsDatabase)
    {
        Database = database;
        Site = site;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    public NewsroomSite Site { get; }

    /// <summary>
    /// Starts a site. With <paramref name="configuredAdmin"/>, the administrator comes from configuration.
    /// A given <paramref name="database"/> (several hosts on one database) stays the caller's to dispose.
    /// </summary>
    public static async Task<AdminSite> StartAsync(string provider = TestDatabase.Sqlite, bool configuredAdmin = true, TestDatabase? database = null, FakeTimeProvider? clock = null)
    {
        var owns = database is null;
        database ??= await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>();
        if (configuredAdmin)
        {
            settings["Newsroom:Setup:AdminUserName"] = AdminName;
            settings["Newsroom:Setup:AdminEmail"] = "admin@example.test";
            settings["Newsroom:Setup:AdminPassword"] = Password;
        }

        var site = new NewsroomSite(database, "empty", settings, clock);
        _ = site.Services; // starts the host: setup recipe, migrations, configured administrator
        return new AdminSite(database, site, owns);
    }

    public SiteClient Client() => new(Site);

    public async Task<SiteClient> SignedInAsync(string userName, string password = Password)
    {
        var client = Client();
        var answer = await client.SignInAsync(userName, password);
        if (answer.Status != System.Net.HttpStatusCode.Redirect || !client.Cookies.ContainsKey(SiteClient.SessionCookie))
        {
            throw new InvalidOperationException($"{userName} could not sign in: {(int)answer.Status}.");
        }

        return client;
    }

    public async Task EnableAsync(params string[] features)
    {
        await using (var scope = Site.CreateShellScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var manager = scope.ServiceProvider.GetRequiredService<ShellFeatureManager>();
            await db.InTransactionAsync(() => manager.EnableAsync(features));
        }

        await Site.Services.GetRequiredService<ShellHost>().ReloadAsync(CancellationToken.None);
    }

    /// <summary>The content admin with two listable, securable types (no type module's handlers involved).</summary>
    public async Task EnableContentAdminAsync()
    {
        await EnableAsync("Newsroom.Contents");
        await using var scope = Site.CreateShellScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        foreach (var type in new[] { "Article", "Note" })
        {
            await definitions.AlterTypeDefinitionAsync(type, t => t.DisplayedAs(type).Creatable().Listable().Draftable().Securable());
        }
    }

    public async Task CreateUserAsync(string userName, string role, string password = Password)
    {
        await using var scope = Site.CreateShellScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(userName, $"{userName}@example.test", password, role);
    }

    public async Task CreateStandardUsersAsync()
    {
        await CreateUserAsync("editor", StandardRoles.Editor);
        await CreateUserAsync("alice", StandardRoles.Author);
        await CreateUserAsync("bob", StandardRoles.Author);
        await CreateUserAsync("carl", StandardRoles.Contributor);
    }

    /// <summary>Creates an item owned by <paramref name="owner"/>; returns its id.</summary>
    public async Task<string> CreateItemAsync(string type, string title, string owner, bool published = false, DateTime? modifiedUtc = null)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync(type);
        item.DisplayText = title;
        if (type == "Article")
        {
            // Articles are validated by the Articles module: they need a headline (the slug follows it).
            item.Alter<Newsroom.Articles.Models.ArticlePart>(article => article.Headline = title);
        }

        item.Owner = owner;
        item.Author = owner;
        item.ModifiedUtc = modifiedUtc;
        item.CreatedUtc = modifiedUtc;
        await contents.CreateAsync(item, published ? VersionOptions.Published : VersionOptions.Draft);
        return item.ContentItemId;
    }

    public async Task<ContentItem?> GetItemAsync(string id)
    {
        await using var scope = Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.LatestIncludingDeleted);
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
