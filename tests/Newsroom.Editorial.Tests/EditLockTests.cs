using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;
using static Newsroom.Editorial.Tests.EditorForms;

namespace Newsroom.Editorial.Tests;

/// <summary>
/// The soft lock through real HTTP, with the site's clock in the test's hand: who is editing and since
/// when (site time, Asia/Kolkata = UTC+5:30), take-over, the heartbeat that tells the previous holder,
/// expiry, release on publish, and who may not take over.
/// </summary>
public sealed class EditLockTests
{
    // Token pages must not be the edit page: opening it takes (or refreshes) the lock.
    private const string TokenPage = "/admin/articles/new";

    private static async Task<(bool Held, string? Notice)> HeartbeatAsync(SiteClient client, string id, bool holding)
    {
        var answer = await client.PostAsync($"/admin/articles/{id}/heartbeat", [new("holding", holding ? "true" : "false")], TokenPage);
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Body);
        var json = JsonDocument.Parse(answer.Body).RootElement;
        return (json.GetProperty("held").GetBoolean(), json.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task A_second_editor_sees_who_is_editing_takes_over_and_the_first_editors_heartbeat_learns_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var site = await EditorSite.StartAsync(clock);
        var alice = await site.SignedInAsync("alice");
        var id = IdFrom(await alice.PostAsync("/admin/articles/new", Form("Tram strike ends", paragraphs: ["Text."]), TokenPage));
        (await alice.GetAsync($"/admin/articles/{id}/edit")).Body.ShouldNotContain("has been editing since");
        (await HeartbeatAsync(alice, id, holding: true)).ShouldBe((true, null));

        clock.Advance(TimeSpan.FromMinutes(1));
        var editor = await site.SignedInAsync("editor");
        var page = await editor.GetAsync($"/admin/articles/{id}/edit");
        page.Body.ShouldContain("alice has been editing since 13:30 (site time).");
        page.Body.ShouldContain("Take over editing");

        // An author who may not edit alice's article may not take it over, nor beat on it.
        var bob = await site.SignedInAsync("bob");
        (await bob.PostAsync($"/admin/articles/{id}/takeover", [], TokenPage)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await bob.PostAsync($"/admin/articles/{id}/heartbeat", [new("holding", "true")], TokenPage)).Status.ShouldBe(HttpStatusCode.Forbidden);

        // Without the antiforgery token nothing moves.
        (await editor.PostWithoutTokenAsync($"/admin/articles/{id}/takeover", [])).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await editor.PostWithoutTokenAsync($"/admin/articles/{id}/heartbeat", [new("holding", "true")])).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await HeartbeatAsync(alice, id, holding: true)).Held.ShouldBeTrue();

        clock.Advance(TimeSpan.FromMinutes(1));
        var takeOver = await editor.PostAsync($"/admin/articles/{id}/takeover", [], TokenPage);
        takeOver.Status.ShouldBe(HttpStatusCode.Redirect);
        takeOver.Location.ShouldBe($"/admin/articles/{id}/edit");
        (await editor.GetAsync(takeOver.Location!)).Body.ShouldContain("You took over editing from alice.");

        // Alice's page beats: it has lost the lock, and says who took it, when, and that her text is safe.
        var lost = await HeartbeatAsync(alice, id, holding: true);
        lost.Held.ShouldBeFalse();
        lost.Notice.ShouldBe("editor took over editing at 13:32 (site time) — your unsaved changes are still here; saving will be checked against editor's changes.");
        (await HeartbeatAsync(editor, id, holding: true)).ShouldBe((true, null));
        (await alice.GetAsync($"/admin/articles/{id}/edit")).Body.ShouldContain("editor has been editing since 13:32 (site time).");
    }

    [Fact]
    public async Task A_lock_expires_two_minutes_after_the_last_heartbeat_and_publishing_releases_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var site = await EditorSite.StartAsync(clock);
        var editor = await site.SignedInAsync("editor");
        var id = IdFrom(await editor.PostAsync("/admin/articles/new", Form("Bridge reopens", paragraphs: ["Text."]), TokenPage));
        (await editor.GetAsync($"/admin/articles/{id}/edit")).Status.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(30));
        (await HeartbeatAsync(editor, id, holding: true)).Held.ShouldBeTrue(); // last beat at 13:30:30

        var admin = await site.SignedInAsync("admin");
        clock.Advance(TimeSpan.FromSeconds(119));
        (await HeartbeatAsync(admin, id, holding: false)).Notice.ShouldBe("editor has been editing since 13:30 (site time).");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await HeartbeatAsync(admin, id, holding: false)).ShouldBe((true, null)); // expired: the admin has it now
        (await editor.GetAsync($"/admin/articles/{id}/edit")).Body.ShouldContain("admin has been editing since 13:32 (site time).");

        // Publishing frees the article at once, and the page that comes back does not take it again.
        var page = await admin.GetAsync($"/admin/articles/{id}/edit");
        var fields = Publishable("Bridge reopens", await site.AnyBylineIdAsync(), "Text.");
        fields.Add(new("ConcurrencyStamp", page.Field("ConcurrencyStamp")!));
        var published = await admin.PostAsync($"/admin/articles/{id}/edit", fields, TokenPage);
        published.Status.ShouldBe(HttpStatusCode.Redirect, published.Body);
        (await admin.GetAsync(published.Location!)).Body.ShouldContain("data-lock=\"released\"");
        (await editor.GetAsync($"/admin/articles/{id}/edit")).Body.ShouldNotContain("has been editing since");

        // "Save and close" frees it too, and goes to the content list.
        var editorPage = await editor.GetAsync($"/admin/articles/{id}/edit");
        var closed = await editor.PostAsync($"/admin/articles/{id}/edit?close=true", Form("Bridge reopens", editorPage.Field("ConcurrencyStamp"), paragraphs: ["Text, edited."]), TokenPage);
        closed.Status.ShouldBe(HttpStatusCode.Redirect, closed.Body);
        closed.Location.ShouldBe("/admin/content");
        (await admin.GetAsync($"/admin/articles/{id}/edit")).Body.ShouldNotContain("has been editing since");
    }
}
