using System.Net;
using Newsroom.Users.Permissions;
using Shouldly;
using Xunit;

namespace Newsroom.Admin.Tests;

/// <summary>Every admin form post without its antiforgery token is refused with 400, and changes nothing.</summary>
public sealed class AntiforgeryTests
{
    [Fact]
    public async Task Every_admin_post_without_a_token_is_refused()
    {
        await using var site = await AdminSite.StartAsync();
        await site.EnableContentAdminAsync();
        await site.CreateUserAsync("target", StandardRoles.Author);
        var itemId = await site.CreateItemAsync("Article", "Untouched", "target");
        var admin = await site.SignedInAsync(AdminSite.AdminName);
        var userId = SignInTests.RowFor((await admin.GetAsync("/admin/users")).Body, "target");

        var posts = new (string Url, KeyValuePair<string, string>[] Fields)[]
        {
            ("/login", [new("UserName", AdminSite.AdminName), new("Password", AdminSite.Password)]),
            ("/logout", []),
            ("/account/password", [new("CurrentPassword", AdminSite.Password), new("NewPassword", "another long password")]),
            ("/admin/setup", [new("UserName", "x"), new("Email", "x@example.test"), new("Password", "another long password")]),
            ("/admin/users/new", [new("UserName", "sneaky"), new("Email", "sneaky@example.test"), new("Password", AdminSite.Password), new("Role", "Administrator")]),
            ($"/admin/users/{userId}/roles", [new("roles", "Administrator")]),
            ($"/admin/users/{userId}/disable", []),
            ($"/admin/users/{userId}/enable", []),
            ("/admin/features/Newsroom.Contents/disable", []),
            ("/admin/features/Newsroom.Contents/enable", []),
            ("/admin/content/bulk", [new("action", "delete"), new("ids", itemId)]),
            ("/admin/articles/new", [new("Headline", "Sneaky article"), new("command", "save")]),
            ($"/admin/articles/{itemId}/edit", [new("Headline", "Changed"), new("command", "publish")]),
            ($"/admin/articles/{itemId}/edit?close=true", [new("Headline", "Changed"), new("command", "save")]),
            ("/admin/articles/preview", [new("ContentItemId", itemId), new("Headline", "Preview")]),
            ($"/admin/articles/{itemId}/heartbeat", [new("holding", "true")]),
            ($"/admin/articles/{itemId}/takeover", []),
            ("/admin/articles/bylines", [new("name", "Sneaky byline")]),
            ("/admin/bylines/new", [new("Name", "Sneaky byline")]),
            ("/admin/related-links/new", [new("Url", "https://example.com/")]),
            ("/admin/ad-slots/new", [new("Name", "sneaky"), new("Sizes", "300x250")]),
        };
        foreach (var (url, fields) in posts)
        {
            (await admin.PostWithoutTokenAsync(url, fields)).Status.ShouldBe(HttpStatusCode.BadRequest, url);
        }

        // Nothing happened: still signed in, the feature is on, the item and the user are as they were.
        (await admin.GetAsync("/admin/content")).Status.ShouldBe(HttpStatusCode.OK);
        (await site.GetItemAsync(itemId))!.Deleted.ShouldBeFalse();
        (await site.GetItemAsync(itemId))!.DisplayText.ShouldBe("Untouched");
        (await site.Client().SignInAsync("target", AdminSite.Password)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await site.Client().SignInAsync("sneaky", AdminSite.Password)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Admin_pages_with_forms_are_never_stored_and_log_no_cache_header_warning()
    {
        await using var site = await AdminSite.StartAsync();
        await site.EnableContentAdminAsync();
        await site.CreateItemAsync("Article", "Listed", AdminSite.AdminName);
        var admin = await site.SignedInAsync(AdminSite.AdminName);

        foreach (var url in new[] { "/admin/content", "/admin/users", "/admin/articles/new" })
        {
            var page = await admin.GetAsync(url);
            page.Status.ShouldBe(HttpStatusCode.OK, url);
            page.Body.ShouldContain("__RequestVerificationToken", customMessage: url);
            page.Header("Cache-Control").ShouldContain("no-store", customMessage: url);
            page.Header("X-Robots-Tag").ShouldBe("noindex, nofollow", url);
        }

        // Antiforgery overrides any other Cache-Control on a page with a form and logs a warning
        // each time it does: one line per admin page view in production logs.
        site.Site.Logs.Entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal))
            .Select(e => e.Message).ShouldBeEmpty();
    }
}
