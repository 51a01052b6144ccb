using System.Net;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Admin.Tests;

/// <summary>The first administrator: the one-time setup page, or configuration.</summary>
public sealed class SetupTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Setup_page_creates_the_first_administrator_once_then_answers_404(string provider)
    {
        await using var site = await AdminSite.StartAsync(provider, configuredAdmin: false);
        var client = site.Client();

        var admin = await client.GetAsync("/admin");
        admin.Status.ShouldBe(HttpStatusCode.Redirect);
        admin.Location.ShouldBe("/admin/setup");
        (await client.GetAsync("/admin/setup")).Status.ShouldBe(HttpStatusCode.OK);

        var created = await client.PostAsync(
            "/admin/setup",
            [new("UserName", "chief"), new("Email", "chief@example.test"), new("Password", "a long enough password")],
            "/admin/setup");
        created.Status.ShouldBe(HttpStatusCode.Redirect);
        created.Location.ShouldBe("/admin");

        // Signed in as the new administrator, with the Administrator's rights.
        (await client.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/admin/users")).Body.ShouldContain("chief");

        // Gone for everyone, including a second attempt to post to it.
        var stranger = site.Client();
        (await stranger.GetAsync("/admin/setup")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = (await stranger.GetAsync("/login")).AntiforgeryToken!;
        var again = await stranger.PostWithoutTokenAsync(
            "/admin/setup",
            [new("UserName", "intruder"), new("Email", "x@example.test"), new("Password", "a long enough password"), new("__RequestVerificationToken", token)]);
        again.Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.SignInAsync("intruder", "a long enough password")).Status.ShouldBe(HttpStatusCode.OK); // the form again: no such user
        (await stranger.GetAsync("/admin")).RedirectsToLogin.ShouldBeTrue();
    }

    [Fact]
    public async Task Setup_page_refuses_a_weak_password_and_stays_available()
    {
        await using var site = await AdminSite.StartAsync(configuredAdmin: false);
        var client = site.Client();
        var answer = await client.PostAsync(
            "/admin/setup",
            [new("UserName", "chief"), new("Email", "chief@example.test"), new("Password", "short")],
            "/admin/setup");
        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Body.ShouldContain("at least 10 characters");
        (await client.GetAsync("/admin/setup")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Configured_administrator_is_created_at_start_and_setup_page_is_gone(string provider)
    {
        await using var site = await AdminSite.StartAsync(provider, configuredAdmin: true);
        var client = site.Client();
        (await client.GetAsync("/admin/setup")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/admin")).RedirectsToLogin.ShouldBeTrue();

        var signIn = await client.SignInAsync(AdminSite.AdminName, AdminSite.Password);
        signIn.Status.ShouldBe(HttpStatusCode.Redirect);
        signIn.Location.ShouldBe("/admin");
        var dashboard = await client.GetAsync("/admin");
        dashboard.Status.ShouldBe(HttpStatusCode.OK);
        dashboard.Body.ShouldContain("href=\"/admin/users\"");
        dashboard.Body.ShouldContain("<meta name=\"robots\" content=\"noindex, nofollow\" />");
        dashboard.Headers.GetValues("X-Robots-Tag").ShouldContain("noindex, nofollow");
        (await client.GetAsync("/admin/users")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
