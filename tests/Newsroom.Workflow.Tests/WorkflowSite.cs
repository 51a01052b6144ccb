using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Testing;
using Newsroom.Users.Permissions;
using Newsroom.Users.Services;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Services;

namespace Newsroom.Workflow.Tests;

/// <summary>
/// A site on the "empty" recipe with a fake clock, a configured administrator and a user per role.
/// Arrangements go through the shell's services; the behaviour under test goes through HTTP.
/// </summary>
public sealed class WorkflowSite : IAsyncDisposable
{
    public const string Admin = "admin", Editor = "editor", Author = "alice", OtherAuthor = "bob", Contributor = "carl";
    public const string Password = "correct horse battery";

    /// <summary>A Friday noon in Kolkata (the recipe's time zone), 06:30 UTC.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 11, 27, 6, 30, 0, TimeSpan.Zero);

    private readonly bool _ownsDatabase;

    public WorkflowSite(TestDatabase database, FakeTimeProvider clock, bool ownsDatabase = true)
    {
        Database = database;
        Clock = clock;
        _ownsDatabase = ownsDatabase;
        Site = new NewsroomSite(database, "empty", Settings, clock);
    }

    public static Dictionary<string, string?> Settings { get; } = new()
    {
        ["Newsroom:Setup:AdminUserName"] = Admin,
        ["Newsroom:Setup:AdminEmail"] = "admin@example.test",
        ["Newsroom:Setup:AdminPassword"] = Password,
    };

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public NewsroomSite Site { get; }

    public static async Task<WorkflowSite> StartAsync(string provider = TestDatabase.Sqlite, bool withUsers = true)
    {
        var site = new WorkflowSite(await TestDatabase.CreateAsync(provider), new FakeTimeProvider(Start));
        _ = site.Site.Services; // setup recipe, migrations, administrator
        if (withUsers)
        {
            await site.CreateUserAsync(Editor, StandardRoles.Editor);
            await site.CreateUserAsync(Author, StandardRoles.Author);
            await site.CreateUserAsync(OtherAuthor, StandardRoles.Author);
            await site.CreateUserAsync(Contributor, StandardRoles.Contributor);
        }

        return site;
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

    public SiteClient Anonymous() => new(Site);

    /// <summary>A draft article owned by <paramref name="owner"/> with one paragraph; returns its id.</summary>
    public async Task<string> CreateArticleAsync(string owner, string headline, string paragraph = "First paragraph.")
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync("Article");
        item.DisplayText = headline;
        item.Owner = owner;
        item.Alter<ArticlePart>(a => a.Headline = headline);
        item.Alter<BodyPart>(b => b.Blocks.Add(new ParagraphBlock { Html = $"<p>{paragraph}</p>" }));
        await contents.CreateAsync(item, VersionOptions.Draft);
        return item.ContentItemId;
    }

    /// <summary>A published byline; returns its id.</summary>
    public async Task<string> CreateBylineAsync(string name, string slug)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync("Byline");
        item.Alter<BylinePart>(b =>
        {
            b.Name = name;
            b.Slug = slug;
        });
        await contents.CreateAsync(item, VersionOptions.Published);
        return item.ContentItemId;
    }

    /// <summary>An article filed in <paramref name="section"/> under <paramref name="bylineIds"/>, published or a draft; returns its id.</summary>
    public async Task<string> CreateFiledArticleAsync(string headline, string section, IReadOnlyList<string> bylineIds, bool published, string? owner = null)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync("Article");
        item.DisplayText = headline;
        item.Owner = owner;
        item.Alter<ArticlePart>(a =>
        {
            a.Headline = headline;
            a.Section = section;
        });
        item.Alter<BylinesPart>(b => b.BylineIds = [.. bylineIds]);
        item.Alter<BodyPart>(b => b.Blocks.Add(new ParagraphBlock { Html = "<p>Text.</p>" }));
        await contents.CreateAsync(item, published ? VersionOptions.Published : VersionOptions.Draft);
        return item.ContentItemId;
    }

    /// <summary>Changes the first paragraph and saves a draft (as an editor's save would).</summary>
    public async Task SaveParagraphAsync(string id, string paragraph)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.GetAsync(id, VersionOptions.Latest) ?? throw new InvalidOperationException(id);
        item.Alter<BodyPart>(b => b.Blocks[0] = new ParagraphBlock { Html = $"<p>{paragraph}</p>" });
        await contents.SaveDraftAsync(item);
    }

    public async Task<ContentItem?> LatestAsync(string id)
    {
        await using var scope = Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.LatestIncludingDeleted);
    }

    public async Task<ContentItem?> PublishedAsync(string id)
    {
        await using var scope = Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published);
    }

    public async Task<IReadOnlyList<ContentItem>> VersionsAsync(string id)
    {
        await using var scope = Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().ListVersionsAsync(id);
    }

    public async Task<WorkflowIndex?> IndexAsync(string id)
    {
        await using var scope = Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Set<WorkflowIndex>().AsNoTracking().FirstOrDefaultAsync(w => w.ContentItemId == id);
    }

    public async Task<List<AuditEntry>> AuditAsync(string id)
    {
        await using var scope = Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.ContentItemId == id).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Runs a workflow action as <paramref name="userName"/> through the service (what the editor UI calls).</summary>
    public async Task<WorkflowResult> ApplyAsync(string userName, string id, WorkflowAction action, WorkflowInput input, Action<ContentItem>? edit = null)
    {
        await using var scope = Site.CreateShellScope();
        var services = scope.ServiceProvider;
        var principal = await PrincipalAsync(services, userName);
        var item = await services.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest) ?? throw new InvalidOperationException(id);
        edit?.Invoke(item);
        return await services.GetRequiredService<IEditorialWorkflow>().ApplyAsync(item, action, input, principal);
    }

    public async Task<IReadOnlyList<WorkflowAction>> AllowedAsync(string userName, string id)
    {
        await using var scope = Site.CreateShellScope();
        var services = scope.ServiceProvider;
        var principal = await PrincipalAsync(services, userName);
        var item = await services.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.LatestIncludingDeleted) ?? throw new InvalidOperationException(id);
        return await services.GetRequiredService<IEditorialWorkflow>().AllowedActionsAsync(item, principal);
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userName)
    {
        var user = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException(userName);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, userName)], "Test"));
    }

    public ScheduledPublisher Publisher => Site.Shell.ServiceProvider.GetRequiredService<ScheduledPublisher>();

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

public static class Eventually
{
    /// <summary>Waits for background work (the scheduler) to reach a state; fails after a generous limit.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > limit)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }
}
