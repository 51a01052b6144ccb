using System.Net;
using Newsroom.Users.Permissions;
using Shouldly;
using Xunit;

namespace Newsroom.Admin.Tests;

/// <summary>One site with a user in each role; every admin action is tried by every role on the server.</summary>
public sealed class MatrixSite : IAsyncLifetime
{
    private readonly Dictionary<string, SiteClient> _clients = new(StringComparer.Ordinal);

    public AdminSite Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await AdminSite.StartAsync();
        await Site.EnableContentAdminAsync();
        await Site.CreateStandardUsersAsync();
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();

    public async Task<SiteClient> As(string user)
    {
        if (!_clients.TryGetValue(user, out var client))
        {
            client = await Site.SignedInAsync(user);
            _clients[user] = client;
        }

        return client;
    }
}

public sealed class AuthorizationMatrixTests(MatrixSite fixture) : IClassFixture<MatrixSite>
{
    private const string Admin = AdminSite.AdminName, Editor = "editor", Author = "alice", OtherAuthor = "bob", Contributor = "carl";

    private static readonly string[] s_everyone = [Admin, Editor, Author, Contributor];

    /// <summary>(action, user, allowed): issue 4's matrix for the actions this slice has.</summary>
    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        void Row(string action, params string[] allowed)
        {
            foreach (var user in s_everyone)
            {
                data.Add(action, user, allowed.Contains(user));
            }
        }

        Row("open dashboard", s_everyone);
        Row("open content list", s_everyone);
        Row("open users", Admin);
        Row("create user", Admin);
        Row("assign roles", Admin);
        Row("disable user", Admin);
        Row("open features", Admin);
        Row("enable feature", Admin);
        Row("publish own draft", Admin, Editor);
        Row("publish another author's draft", Admin, Editor);
        Row("unpublish another author's article", Admin, Editor);
        Row("delete own draft", s_everyone);
        Row("delete another author's draft", Admin, Editor);
        Row("delete own and another author's draft together", Admin, Editor);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Action_is_allowed_or_refused_on_the_server(string action, string user, bool allowed)
    {
        var site = fixture.Site;
        var client = await fixture.As(user);
        var unique = Guid.NewGuid().ToString("N")[..8];
        const string tokenPage = "/account/password";
        SiteClient.Page answer;
        Func<Task<bool>>? changed = null; // did the action take effect? checked against the database
        switch (action)
        {
            case "open dashboard":
                answer = await client.GetAsync("/admin");
                break;
            case "open content list":
                answer = await client.GetAsync("/admin/content");
                break;
            case "open users":
                answer = await client.GetAsync("/admin/users");
                break;
            case "open features":
                answer = await client.GetAsync("/admin/features");
                break;
            case "create user":
                answer = await client.PostAsync(
                    "/admin/users/new",
                    [new("UserName", "new" + unique), new("Email", unique + "@example.test"), new("Password", AdminSite.Password), new("Role", StandardRoles.Administrator)],
                    tokenPage);
                changed = async () => (await SignInWorksAsync("new" + unique));
                break;
            case "assign roles":
            {
                await site.CreateUserAsync("role" + unique, StandardRoles.Contributor);
                var id = await UserIdAsync("role" + unique);
                answer = await client.PostAsync($"/admin/users/{id}/roles", [new("roles", StandardRoles.Administrator)], tokenPage);
                changed = async () =>
                {
                    var target = await site.SignedInAsync("role" + unique);
                    return (await target.GetAsync("/admin/users")).Status == HttpStatusCode.OK;
                };
                break;
            }

            case "disable user":
            {
                await site.CreateUserAsync("off" + unique, StandardRoles.Author);
                var id = await UserIdAsync("off" + unique);
                answer = await client.PostAsync($"/admin/users/{id}/disable", [], tokenPage);
                changed = async () => !await SignInWorksAsync("off" + unique);
                break;
            }

            case "enable feature":
                answer = await client.PostAsync("/admin/features/Newsroom.Contents/enable", [], tokenPage);
                break;
            case "publish own draft":
            case "publish another author's draft":
            {
                var owner = action == "publish own draft" ? user : OtherAuthor;
                var id = await site.CreateItemAsync("Article", "Draft " + unique, owner);
                answer = await Bulk(client, "publish", id);
                changed = async () => (await site.GetItemAsync(id))!.Published;
                break;
            }

            case "unpublish another author's article":
            {
                var id = await site.CreateItemAsync("Article", "Live " + unique, OtherAuthor, published: true);
                answer = await Bulk(client, "unpublish", id);
                changed = async () => !(await site.GetItemAsync(id))!.Published;
                break;
            }

            case "delete own draft":
            case "delete another author's draft":
            {
                var owner = action == "delete own draft" ? user : OtherAuthor;
                var id = await site.CreateItemAsync("Article", "Doomed " + unique, owner);
                answer = await Bulk(client, "delete", id);
                changed = async () => (await site.GetItemAsync(id))!.Deleted;
                break;
            }

            case "delete own and another author's draft together":
            {
                var mine = await site.CreateItemAsync("Article", "Mine " + unique, user);
                var theirs = await site.CreateItemAsync("Article", "Theirs " + unique, OtherAuthor);
                answer = await Bulk(client, "delete", mine, theirs);
                changed = async () => (await site.GetItemAsync(mine))!.Deleted || (await site.GetItemAsync(theirs))!.Deleted;
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }

        if (allowed)
        {
            answer.Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
            answer.RedirectsToLogin.ShouldBeFalse();
        }
        else
        {
            answer.Status.ShouldBe(HttpStatusCode.Forbidden);
        }

        if (changed is not null)
        {
            (await changed()).ShouldBe(allowed);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_admin_page()
    {
        var anonymous = fixture.Site.Client();
        foreach (var url in new[] { "/admin", "/admin/content", "/admin/users", "/admin/users/new", "/admin/features", "/account/password" })
        {
            (await anonymous.GetAsync(url)).RedirectsToLogin.ShouldBeTrue(url);
        }
    }

    [Fact]
    public async Task Menu_shows_only_the_entries_the_role_may_use()
    {
        var admin = (await (await fixture.As(Admin)).GetAsync("/admin")).Body;
        admin.ShouldContain("href=\"/admin/users\"");
        admin.ShouldContain("href=\"/admin/features\"");
        admin.ShouldContain("href=\"/admin/content\"");
        foreach (var user in new[] { Editor, Author, Contributor })
        {
            var body = (await (await fixture.As(user)).GetAsync("/admin")).Body;
            body.ShouldContain("href=\"/admin/content\"");
            body.ShouldNotContain("href=\"/admin/users\"");
            body.ShouldNotContain("href=\"/admin/features\"");
        }
    }

    private static Task<SiteClient.Page> Bulk(SiteClient client, string action, params string[] ids) =>
        client.PostAsync(
            "/admin/content/bulk",
            ids.Select(id => new KeyValuePair<string, string>("ids", id)).Append(new("action", action)),
            "/admin/content");

    private async Task<bool> SignInWorksAsync(string userName) =>
        (await fixture.Site.Client().SignInAsync(userName, AdminSite.Password)).Status == HttpStatusCode.Redirect;

    private async Task<string> UserIdAsync(string userName)
    {
        var page = await (await fixture.As(Admin)).GetAsync("/admin/users");
        return SignInTests.RowFor(page.Body, userName);
    }
}
