using System.Net;
using Shouldly;
using Xunit;
using static Newsroom.Editorial.Tests.EditorForms;

namespace Newsroom.Editorial.Tests;

/// <summary>The article editor through real HTTP: forms with antiforgery, permissions, concurrency, checks, preview.</summary>
public sealed class ArticleEditorTests
{
    [Fact]
    public async Task Create_edit_and_a_stale_save_from_a_second_session_is_refused_with_the_change_shown()
    {
        await using var site = await EditorSite.StartAsync();
        var alice = await site.SignedInAsync("alice");
        var id = IdFrom(await alice.PostAsync("/admin/articles/new", Form("Rain floods the old town", paragraphs: ["First paragraph."]), "/admin/articles/new"));
        (await site.LatestAsync(id))!.DisplayText.ShouldBe("Rain floods the old town");
        (await site.LatestAsync(id))!.Owner.ShouldBe("alice");

        // Session A opens the editor; session B (an editor) opens it too and saves first.
        var pageA = await alice.GetAsync($"/admin/articles/{id}/edit");
        pageA.Status.ShouldBe(HttpStatusCode.OK);
        pageA.Body.ShouldContain("Rain floods the old town");
        var editor = await site.SignedInAsync("editor");
        var pageB = await editor.GetAsync($"/admin/articles/{id}/edit");
        pageB.Body.ShouldContain("alice has been editing since");
        IdFrom(await editor.PostAsync($"/admin/articles/{id}/edit", Form("Rain floods the old town again", pageB.Field("ConcurrencyStamp"), pageB.Field("Original"), "save", "First paragraph."), $"/admin/articles/{id}/edit"));

        // A edits from the version it loaded: refused, told who and what, its text kept in the form.
        var stale = await alice.PostAsync($"/admin/articles/{id}/edit", Form("Rain floods the old town, says mayor", pageA.Field("ConcurrencyStamp"), pageA.Field("Original"), "save", "First paragraph, edited by alice."), $"/admin/articles/{id}/edit");
        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Body.ShouldContain("editor changed this at");
        stale.Body.ShouldContain("<td>Headline</td><td>Rain floods the old town</td><td>Rain floods the old town again</td><td>Rain floods the old town, says mayor</td>");
        stale.Body.ShouldContain("First paragraph, edited by alice.");
        (await site.LatestAsync(id))!.DisplayText.ShouldBe("Rain floods the old town again");
    }

    [Fact]
    public async Task Validation_errors_are_shown_per_field_and_nothing_is_saved()
    {
        await using var site = await EditorSite.StartAsync();
        var alice = await site.SignedInAsync("alice");
        var fields = Form("", paragraphs: ["Text."]);
        fields.Add(new("Blocks[1].Type", "embed"));
        fields.Add(new("Blocks[1].Url", "javascript:alert(1)"));
        var answer = await alice.PostAsync("/admin/articles/new", fields, "/admin/articles/new");
        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Body.ShouldContain("Headline: is required.");
        answer.Body.ShouldContain("Block 2 url: &#x27;javascript:alert(1)&#x27; is not an absolute https URL");
        answer.Body.ShouldContain("Text.");
        (await site.CountAsync("Article", "alice")).ShouldBe(0);
    }

    [Fact]
    public async Task An_author_cannot_open_or_post_another_authors_article()
    {
        await using var site = await EditorSite.StartAsync();
        var bob = await site.SignedInAsync("bob");
        var id = IdFrom(await bob.PostAsync("/admin/articles/new", Form("Bob's draft", paragraphs: ["Mine."]), "/admin/articles/new"));
        var alice = await site.SignedInAsync("alice");
        (await alice.GetAsync($"/admin/articles/{id}/edit")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync($"/admin/articles/{id}/edit", Form("Alice was here", paragraphs: ["Hers."]), "/admin/articles/new")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync("/admin/articles/preview", [new("ContentItemId", id), new("Headline", "x")], "/admin/articles/new")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await site.LatestAsync(id))!.DisplayText.ShouldBe("Bob's draft");

        // Without a token the post is refused before anything else.
        (await bob.PostWithoutTokenAsync($"/admin/articles/{id}/edit", Form("No token"))).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_contributor_cannot_upload_media_and_an_author_can()
    {
        await using var site = await EditorSite.StartAsync();
        var carl = await site.SignedInAsync("carl");
        (await carl.PostFileAsync("/admin/media/upload", "file", "x.png", TestImages.Png(4, 3), "/admin/articles/new")).Status.ShouldBe(HttpStatusCode.Forbidden);

        var alice = await site.SignedInAsync("alice");
        var uploaded = await alice.PostFileAsync("/admin/media/upload", "file", "Flood Photo.png", TestImages.Png(4, 3), "/admin/articles/new");
        uploaded.Status.ShouldBe(HttpStatusCode.OK, uploaded.Body);
        uploaded.Body.ShouldContain("\"width\":4");
        uploaded.Body.ShouldContain("/media/uploads/");
        var src = System.Text.RegularExpressions.Regex.Match(uploaded.Body, "\"src\":\"([^\"]+)\"").Groups[1].Value;
        (await new SiteClient(site.Site).GetAsync(src)).Status.ShouldBe(HttpStatusCode.OK);

        // Not an image: refused whatever the name says.
        (await alice.PostFileAsync("/admin/media/upload", "file", "evil.png", "<svg onload=alert(1)>"u8.ToArray(), "/admin/articles/new")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Pre_publish_errors_block_publishing_and_warnings_need_an_acknowledgement()
    {
        await using var site = await EditorSite.StartAsync();
        var editor = await site.SignedInAsync("editor");
        var refused = await editor.PostAsync("/admin/articles/new", Form("No byline yet", command: "publish", paragraphs: ["One."]), "/admin/articles/new");
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Body.ShouldContain("Add at least one byline");
        (await site.CountAsync("Article", "editor")).ShouldBe(0);

        var byline = await site.AnyBylineIdAsync();
        var fields = Form("With a byline", command: "publish", paragraphs: ["One."]);
        fields.Add(new("BylineIds", byline));
        var warned = await editor.PostAsync("/admin/articles/new", fields, "/admin/articles/new");
        warned.Status.ShouldBe(HttpStatusCode.OK);
        warned.Body.ShouldContain("Read the warnings and tick");
        warned.Body.ShouldContain("The dek is empty.");

        fields.Add(new("AcknowledgeWarnings", "true"));
        var id = IdFrom(await editor.PostAsync("/admin/articles/new", fields, "/admin/articles/new"));
        (await site.PublishedAsync(id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Preview_renders_the_unsaved_text_in_the_public_theme_with_noindex_and_saves_nothing()
    {
        await using var site = await EditorSite.StartAsync();
        var alice = await site.SignedInAsync("alice");
        var id = IdFrom(await alice.PostAsync("/admin/articles/new", Form("Saved headline", paragraphs: ["Saved text."]), "/admin/articles/new"));
        var page = await alice.GetAsync($"/admin/articles/{id}/edit");

        var preview = await alice.PostAsync("/admin/articles/preview", Form("Unsaved headline", page.Field("ConcurrencyStamp"), paragraphs: ["Unsaved <b>words</b> here."]).Append(new("ContentItemId", id)), $"/admin/articles/{id}/edit");
        preview.Status.ShouldBe(HttpStatusCode.OK, preview.Body);
        preview.Body.ShouldContain("Unsaved headline");
        preview.Body.ShouldContain("Unsaved <b>words</b> here.");
        preview.Body.ShouldContain("<meta name=\"robots\" content=\"noindex, nofollow\" />");
        preview.Body.ShouldContain("The Newsroom Herald"); // the public layout, not the admin one
        preview.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await site.LatestAsync(id))!.DisplayText.ShouldBe("Saved headline");
        (await site.CountAsync("Article", "alice")).ShouldBe(1);
    }

    [Fact]
    public async Task Block_buttons_work_without_script_and_the_ad_map_marks_automatic_ads()
    {
        await using var site = await EditorSite.StartAsync();
        var alice = await site.SignedInAsync("alice");
        var fields = Form("Blocks", command: "add:subheading", paragraphs: ["p1", "p2", "p3", "p4", "p5"]);
        var added = await alice.PostAsync("/admin/articles/new", fields, "/admin/articles/new");
        added.Status.ShouldBe(HttpStatusCode.OK);
        added.Body.ShouldContain("name=\"Blocks[5].Type\" value=\"subheading\"");
        added.Body.ShouldContain("Automatic ad will appear here");

        var moved = await alice.PostAsync("/admin/articles/new", Form("Blocks", command: "up:1", paragraphs: ["first", "second"]), "/admin/articles/new");
        moved.Body.IndexOf(">second</textarea>", StringComparison.Ordinal).ShouldBeLessThan(moved.Body.IndexOf(">first</textarea>", StringComparison.Ordinal));
        (await site.CountAsync("Article", "alice")).ShouldBe(0);
    }

    [Fact]
    public async Task Byline_editor_names_the_field_of_a_validation_error_and_ad_slots_are_for_administrators()
    {
        await using var site = await EditorSite.StartAsync();
        var editor = await site.SignedInAsync("editor");
        var answer = await editor.PostAsync("/admin/bylines/new", [new("Name", ""), new("PhotoSrc", "javascript:x")], "/admin/bylines/new");
        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Body.ShouldContain("Name: is required.");
        var saved = await editor.PostAsync("/admin/bylines/new", [new("Name", "Priya Raman"), new("Role", "Reporter")], "/admin/bylines/new");
        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        (await editor.GetAsync("/admin/bylines")).Body.ShouldContain("Priya Raman");
        (await editor.GetAsync("/admin/articles/bylines?q=priya")).Body.ShouldContain("Priya Raman");

        (await editor.GetAsync("/admin/ad-slots")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await site.SignedInAsync("admin");
        (await admin.GetAsync("/admin/ad-slots")).Status.ShouldBe(HttpStatusCode.OK);
        var slot = await admin.PostAsync("/admin/ad-slots/new", [new("Name", "mid"), new("Sizes", "13x13"), new("Placement", "InArticle")], "/admin/ad-slots/new");
        slot.Body.ShouldContain("Sizes: &#x27;13x13&#x27; is not a known ad size");
    }
}
