using System.Net;
using System.Text.Json;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.RelatedLinks.Models;
using Shouldly;
using Xunit;
using static Newsroom.Editorial.Tests.EditorForms;

namespace Newsroom.Editorial.Tests;

/// <summary>
/// The related-link target picker through real HTTP: the search behind it (published articles only,
/// paged, for admin users only), picking by id, and the address field that works without script.
/// </summary>
public sealed class RelatedLinkPickerTests
{
    private const string TargetHeadline = "Harbour cranes return to the east dock";
    private const string TargetPath = "/news/harbour-cranes-return-to-the-east-dock";

    private static JsonElement[] Results(SiteClient.Page answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Body);
        return JsonDocument.Parse(answer.Body).RootElement.EnumerateArray().ToArray();
    }

    private static async Task<string> PublishTargetAsync(EditorSite site, SiteClient editor) =>
        IdFrom(await editor.PostAsync("/admin/articles/new", Publishable(TargetHeadline, await site.AnyBylineIdAsync(), "Cranes."), "/admin/articles/new"));

    [Fact]
    public async Task Search_finds_published_articles_by_headline_never_drafts_pages_and_needs_an_admin_user()
    {
        await using var site = await EditorSite.StartAsync();
        var editor = await site.SignedInAsync("editor");
        var published = await PublishTargetAsync(site, editor);
        var alice = await site.SignedInAsync("alice");
        var draft = IdFrom(await alice.PostAsync("/admin/articles/new", Form("Harbour cranes draft nobody published", paragraphs: ["Draft."]), "/admin/articles/new"));

        // A contributor may search (the results are public articles); any case matches.
        var carl = await site.SignedInAsync("carl");
        var found = Results(await carl.GetAsync("/admin/articles/search?q=HARBOUR%20cranes"));
        found.Select(r => r.GetProperty("id").GetString()).ShouldBe([published]);
        found[0].GetProperty("headline").GetString().ShouldBe(TargetHeadline);
        found[0].GetProperty("url").GetString().ShouldBe(TargetPath);
        found.ShouldNotContain(r => r.GetProperty("id").GetString() == draft);

        // Pages of ten, newest first, without repeats (the sample site has more than ten articles).
        var first = Results(await carl.GetAsync("/admin/articles/search?q="));
        var second = Results(await carl.GetAsync("/admin/articles/search?q=&page=2"));
        first.Length.ShouldBe(10);
        first[0].GetProperty("id").GetString().ShouldBe(published);
        second.ShouldNotBeEmpty();
        second.Select(r => r.GetProperty("id").GetString()).Intersect(first.Select(r => r.GetProperty("id").GetString())).ShouldBeEmpty();

        // Anonymous visitors are sent to sign in, and get no results.
        var anonymous = await new SiteClient(site.Site).GetAsync("/admin/articles/search?q=harbour");
        anonymous.RedirectsToLogin.ShouldBeTrue($"{(int)anonymous.Status} {anonymous.Location}");
        anonymous.Body.ShouldNotContain(TargetHeadline);
    }

    [Fact]
    public async Task A_picked_target_is_stored_by_id_and_the_public_link_follows_a_slug_change()
    {
        await using var site = await EditorSite.StartAsync();
        var editor = await site.SignedInAsync("editor");
        var target = await PublishTargetAsync(site, editor);

        var fields = Publishable("Port traffic doubles", await site.AnyBylineIdAsync(), "Ships.");
        fields.Add(new("Blocks[1].Type", "relatedLink"));
        fields.Add(new("Blocks[1].Label", "Read"));
        fields.Add(new("Blocks[1].TargetContentItemId", target));
        fields.Add(new("Blocks[1].Url", ""));
        var id = IdFrom(await editor.PostAsync("/admin/articles/new", fields, "/admin/articles/new"));
        var link = (await site.PublishedAsync(id))!.As<BodyPart>().Blocks.OfType<RelatedLinkBlock>().Single();
        link.TargetContentItemId.ShouldBe(target);
        link.Url.ShouldBeNull();

        // The editor shows what the link points at.
        var page = await editor.GetAsync($"/admin/articles/{id}/edit");
        page.Body.ShouldContain($"Links to “{TargetHeadline}” ({TargetPath})");

        var reader = new SiteClient(site.Site);
        (await reader.GetAsync("/news/port-traffic-doubles")).Body.ShouldContain($"<a href=\"{TargetPath}\">{TargetHeadline}</a>");

        // The target gets a new slug: the link follows it (and the old address redirects).
        var targetPage = await editor.GetAsync($"/admin/articles/{target}/edit");
        var renamed = Publishable(TargetHeadline, await site.AnyBylineIdAsync(), "Cranes.");
        renamed.Add(new("Slug", "cranes-back-at-east-dock"));
        renamed.Add(new("ConcurrencyStamp", targetPage.Field("ConcurrencyStamp")!));
        IdFrom(await editor.PostAsync($"/admin/articles/{target}/edit", renamed, "/admin/articles/new"));
        var after = (await reader.GetAsync("/news/port-traffic-doubles")).Body;
        after.ShouldContain($"<a href=\"/news/cranes-back-at-east-dock\">{TargetHeadline}</a>");
        after.ShouldNotContain($"href=\"{TargetPath}\"");
    }

    [Fact]
    public async Task Without_script_an_article_address_is_resolved_on_save_and_one_that_does_not_resolve_is_refused()
    {
        await using var site = await EditorSite.StartAsync();
        var editor = await site.SignedInAsync("editor");
        var target = await PublishTargetAsync(site, editor);

        // A path or a full URL on this site (the test host is "localhost") becomes the article's id.
        foreach (var (headline, address) in new[] { ("By path", TargetPath), ("By full address", "http://localhost" + TargetPath + "?ref=home") })
        {
            var fields = Form(headline, paragraphs: ["Text."]);
            fields.Add(new("Blocks[1].Type", "relatedLink"));
            fields.Add(new("Blocks[1].Url", address));
            var id = IdFrom(await editor.PostAsync("/admin/articles/new", fields, "/admin/articles/new"));
            var link = (await site.LatestAsync(id))!.As<BodyPart>().Blocks.OfType<RelatedLinkBlock>().Single();
            link.TargetContentItemId.ShouldBe(target, address);
            link.Url.ShouldBeNull();
        }

        var before = await site.CountAsync("Article", "editor");
        var bad = Form("Nowhere", paragraphs: ["Text."]);
        bad.Add(new("Blocks[1].Type", "relatedLink"));
        bad.Add(new("Blocks[1].Url", "/news/no-such-article"));
        var refused = await editor.PostAsync("/admin/articles/new", bad, "/admin/articles/new");
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Body.ShouldContain("Block 2 url: &#x27;/news/no-such-article&#x27; is not the address of a published article on this site.");
        refused.Body.ShouldContain("value=\"/news/no-such-article\""); // the typed address stays in the form
        (await site.CountAsync("Article", "editor")).ShouldBe(before);

        // The RelatedLink editor resolves the same way and names the field.
        var saved = await editor.PostAsync("/admin/related-links/new", [new("Headline", ""), new("Url", TargetPath)], "/admin/related-links/new");
        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Body);
        var linkId = await site.OnlyItemAsync("RelatedLink", "editor");
        (await site.LatestAsync(linkId))!.As<RelatedLinkPart>().TargetContentItemId.ShouldBe(target);
        (await editor.GetAsync($"/admin/related-links/{linkId}/edit")).Body.ShouldContain($"Links to “{TargetHeadline}”");
        var unknown = await editor.PostAsync("/admin/related-links/new", [new("Url", "/india/not-an-article")], "/admin/related-links/new");
        unknown.Status.ShouldBe(HttpStatusCode.OK);
        unknown.Body.ShouldContain("Links to: &#x27;/india/not-an-article&#x27; is not the address of a published article on this site.");
        (await site.CountAsync("RelatedLink", "editor")).ShouldBe(1);
    }
}
