using System.Net;
using Newsroom.Testing;
using Newsroom.Users.Controllers;
using Newsroom.Users.Permissions;
using Shouldly;
using Xunit;

namespace Newsroom.Admin.Tests;

/// <summary>Sign-in, lockout, sign-out and password change, with the session cookie checked on the server.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private AdminSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await AdminSite.StartAsync();
        await _site.CreateUserAsync("writer", StandardRoles.Author);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Sign_in_succeeds_and_sets_an_http_only_lax_cookie()
    {
        var client = _site.Client();
        (await client.GetAsync("/admin")).RedirectsToLogin.ShouldBeTrue();
        var answer = await client.SignInAsync("writer", AdminSite.Password);
        answer.Status.ShouldBe(HttpStatusCode.Redirect);
        answer.Location.ShouldBe("/admin");
        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SiteClient.SessionCookie + "=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        (await client.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message()
    {
        var unknown = await _site.Client().SignInAsync("nobody", AdminSite.Password);
        var wrong = await _site.Client().SignInAsync("writer", "not the password");
        foreach (var answer in new[] { unknown, wrong })
        {
            answer.Status.ShouldBe(HttpStatusCode.OK);
            answer.Body.ShouldContain(System.Net.WebUtility.HtmlEncode(AccountController.FailureMessage));
        }

        Normalize(unknown.Body, "nobody").ShouldBe(Normalize(wrong.Body, "writer"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        await _site.CreateUserAsync("locky", StandardRoles.Author);
        var client = _site.Client();
        for (var i = 0; i < 5; i++)
        {
            (await client.SignInAsync("locky", "wrong password " + i)).Body.ShouldContain("The user name or password is wrong");
        }

        var right = await client.SignInAsync("locky", AdminSite.Password);
        right.Status.ShouldBe(HttpStatusCode.OK);
        right.Body.ShouldContain("The user name or password is wrong");
        client.Cookies.ShouldNotContainKey(SiteClient.SessionCookie);

        // Another user is not affected.
        (await _site.Client().SignInAsync("writer", AdminSite.Password)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Replaying_the_cookie_after_sign_out_is_refused()
    {
        var client = await _site.SignedInAsync("writer");
        var stolen = client.Replay();
        (await stolen.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.OK);

        var signOut = await client.SignOutAsync();
        signOut.Status.ShouldBe(HttpStatusCode.Redirect);
        client.Cookies.ShouldNotContainKey(SiteClient.SessionCookie);

        (await stolen.GetAsync("/admin")).RedirectsToLogin.ShouldBeTrue();
        (await stolen.GetAsync("/admin/content")).Status.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.NotFound);
        (await stolen.GetAsync("/account/password")).RedirectsToLogin.ShouldBeTrue();
    }

    [Fact]
    public async Task Password_change_ends_other_sessions_and_keeps_this_one()
    {
        await _site.CreateUserAsync("changer", StandardRoles.Author);
        var here = await _site.SignedInAsync("changer");
        var elsewhere = await _site.SignedInAsync("changer");
        var copyOfHere = here.Replay();

        var changed = await here.PostAsync(
            "/account/password",
            [new("CurrentPassword", AdminSite.Password), new("NewPassword", "a brand new passphrase")],
            "/account/password");
        changed.Status.ShouldBe(HttpStatusCode.OK);
        changed.Body.ShouldContain("Your password was changed");

        (await here.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.OK);
        (await elsewhere.GetAsync("/admin")).RedirectsToLogin.ShouldBeTrue();
        (await copyOfHere.GetAsync("/admin")).RedirectsToLogin.ShouldBeTrue(); // the cookie from before the change
        (await _site.Client().SignInAsync("changer", AdminSite.Password)).Status.ShouldBe(HttpStatusCode.OK);
        (await _site.Client().SignInAsync("changer", "a brand new passphrase")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("http:/evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Return_url_to_another_site_lands_on_the_admin(string returnUrl)
    {
        var answer = await _site.Client().SignInAsync("writer", AdminSite.Password, returnUrl);
        answer.Status.ShouldBe(HttpStatusCode.Redirect);
        answer.Location.ShouldBe("/admin");
    }

    [Fact]
    public async Task Local_return_url_is_followed()
    {
        var client = _site.Client();
        var challenge = await client.GetAsync("/account/password");
        challenge.RedirectsToLogin.ShouldBeTrue();
        challenge.Location!.ShouldContain("returnUrl=%2Faccount%2Fpassword");
        var answer = await client.SignInAsync("writer", AdminSite.Password, "/account/password");
        answer.Location.ShouldBe("/account/password");
    }

    [Fact]
    public async Task Disabled_user_is_signed_out_at_once_and_cannot_sign_in()
    {
        await _site.CreateUserAsync("leaver", StandardRoles.Author);
        var leaver = await _site.SignedInAsync("leaver");
        var admin = await _site.SignedInAsync(AdminSite.AdminName);
        var users = await admin.GetAsync("/admin/users");
        var row = RowFor(users.Body, "leaver");
        var disable = await admin.PostAsync($"/admin/users/{row}/disable", [], "/admin/users");
        disable.Status.ShouldBe(HttpStatusCode.Redirect);

        (await leaver.GetAsync("/admin")).RedirectsToLogin.ShouldBeTrue();
        (await _site.Client().SignInAsync("leaver", AdminSite.Password)).Status.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The user id in the users list row of <paramref name="userName"/>.</summary>
    internal static string RowFor(string usersPage, string userName)
    {
        var start = usersPage.IndexOf($"data-user=\"{userName}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var match = System.Text.RegularExpressions.Regex.Match(usersPage[start..], "/admin/users/([^/\"]+)/roles");
        return match.Groups[1].Value;
    }

    private static string Normalize(string body, string userName) =>
        System.Text.RegularExpressions.Regex.Replace(body, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "")
            .Replace($"value=\"{userName}\"", "value=\"\"", StringComparison.Ordinal);
}
