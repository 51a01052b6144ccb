using System.Net;
using System.Text.RegularExpressions;
using Newsroom.Articles.Models;
using Newsroom.Workflow.Models;
using Newsroom.Workflow.Services;
using Shouldly;
using Xunit;

namespace Newsroom.Workflow.Tests;

/// <summary>Update log and corrections, revisions, preview links and the audit log, on one site.</summary>
public sealed class EditorialTests(TransitionSite fixture) : IClassFixture<TransitionSite>
{
    private WorkflowSite Site => fixture.Site;

    private static KeyValuePair<string, string>[] Form(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToArray();

    private async Task<string> PublishedArticleAsync(string headline)
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, headline);
        (await Site.ApplyAsync(WorkflowSite.Editor, id, WorkflowAction.Publish, new WorkflowInput())).Succeeded.ShouldBeTrue();
        return id;
    }

    [Fact]
    public async Task Only_updates_clarifications_and_corrections_move_the_updated_stamp_and_corrections_are_listed()
    {
        var id = await PublishedArticleAsync("Bridge closure extended");
        var firstUpdated = (await Site.PublishedAsync(id))!.As<ArticlePart>().UpdatedUtc;
        firstUpdated.ShouldNotBeNull();

        Site.Clock.Advance(TimeSpan.FromMinutes(10));
        var silent = await Site.ApplyAsync(WorkflowSite.Editor, id, WorkflowAction.Publish, new WorkflowInput(), i => i.Alter<ArticlePart>(a => a.Dek = "Typo fixed"));
        silent.Succeeded.ShouldBeTrue(silent.Error);
        var afterSilent = (await Site.PublishedAsync(id))!;
        afterSilent.As<ArticlePart>().Dek.ShouldBe("Typo fixed");
        afterSilent.As<ArticlePart>().UpdatedUtc.ShouldBe(firstUpdated);
        afterSilent.As<EditorialPart>().UpdateLog.ShouldBeEmpty();

        // A correction without a note is refused: readers must be told what was wrong.
        var bare = await Site.ApplyAsync(WorkflowSite.Editor, id, WorkflowAction.Publish, new WorkflowInput(ChangeKind: ChangeKind.Correction));
        bare.Succeeded.ShouldBeFalse();

        Site.Clock.Advance(TimeSpan.FromMinutes(10));
        var editor = await fixture.As(WorkflowSite.Editor);
        var corrected = await editor.PostAsync($"/admin/workflow/{id}/publish", Form(("changeKind", "Correction"), ("note", "An earlier version gave the wrong reopening date.")));
        corrected.Status.ShouldBe(HttpStatusCode.Redirect);
        var afterCorrection = (await Site.PublishedAsync(id))!;
        afterCorrection.As<ArticlePart>().UpdatedUtc.ShouldBe(Site.Clock.GetUtcNow().UtcDateTime);
        afterCorrection.As<EditorialPart>().UpdateLog.Single().Kind.ShouldBe(ChangeKind.Correction);

        Site.Clock.Advance(TimeSpan.FromMinutes(10));
        var update = await Site.ApplyAsync(WorkflowSite.Editor, id, WorkflowAction.Publish, new WorkflowInput("Detour map added.", ChangeKind.Update));
        update.Succeeded.ShouldBeTrue(update.Error);
        (await Site.PublishedAsync(id))!.As<ArticlePart>().UpdatedUtc.ShouldBe(Site.Clock.GetUtcNow().UtcDateTime);

        var reader = Site.Anonymous();
        var page = await reader.GetAsync("/news/bridge-closure-extended");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Body.ShouldContain("Updates and corrections");
        page.Body.ShouldContain("An earlier version gave the wrong reopening date.");
        page.Body.ShouldContain("Detour map added.");

        // A second article's correction is newer, so it comes first; updates are not corrections.
        var other = await PublishedArticleAsync("Council vote recount");
        Site.Clock.Advance(TimeSpan.FromMinutes(10));
        (await Site.ApplyAsync(WorkflowSite.Editor, other, WorkflowAction.Publish, new WorkflowInput("The vote was 7 to 4, not 7 to 3.", ChangeKind.Correction))).Succeeded.ShouldBeTrue();
        var corrections = await reader.GetAsync("/corrections");
        corrections.Status.ShouldBe(HttpStatusCode.OK);
        var newer = corrections.Body.IndexOf("The vote was 7 to 4, not 7 to 3.", StringComparison.Ordinal);
        var older = corrections.Body.IndexOf("An earlier version gave the wrong reopening date.", StringComparison.Ordinal);
        newer.ShouldBeGreaterThan(-1);
        older.ShouldBeGreaterThan(newer);
        corrections.Body.ShouldNotContain("Detour map added.");
        corrections.Body.ShouldContain("href=\"/news/council-vote-recount\"");

        // Unpublished articles leave the list.
        (await Site.ApplyAsync(WorkflowSite.Editor, other, WorkflowAction.Unpublish, new WorkflowInput())).Succeeded.ShouldBeTrue();
        (await reader.GetAsync("/corrections")).Body.ShouldNotContain("The vote was 7 to 4, not 7 to 3.");
    }

    [Fact]
    public async Task Revision_history_shows_a_readable_diff_and_restores_a_version_as_a_new_draft()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "Rail strike called off", "Unions announced the strike for Monday.");
        await Site.SaveParagraphAsync(id, "Unions called off the strike late on Sunday.");
        var versions = await Site.VersionsAsync(id);
        versions.Count.ShouldBe(2);

        var alice = await fixture.As(WorkflowSite.Author);
        var history = await alice.GetAsync($"/admin/content/{id}/revisions");
        history.Status.ShouldBe(HttpStatusCode.OK);
        Regex.IsMatch(history.Body, "class=\"diff-removed\"[^>]*>- [^<]*Unions announced the strike for Monday.").ShouldBeTrue(history.Body);
        Regex.IsMatch(history.Body, "class=\"diff-added\"[^>]*>[^<]*Unions called off the strike late on Sunday.").ShouldBeTrue();
        history.Body.ShouldContain("Article Headline: Rail strike called off");

        var first = versions.Single(v => v.Number == 1);
        var restored = await alice.PostAsync($"/admin/content/{id}/revisions/{first.ContentItemVersionId}/restore", [], $"/admin/content/{id}/revisions");
        restored.Status.ShouldBe(HttpStatusCode.Redirect);
        var latest = (await Site.LatestAsync(id))!;
        latest.Number.ShouldBe(3);
        latest.Published.ShouldBeFalse();
        ((ParagraphBlock)latest.As<BodyPart>().Blocks[0]).Html.ShouldContain("Unions announced the strike for Monday.");
        latest.As<EditorialPart>().Status.ShouldBe(EditorialStatus.Draft);
        (await Site.VersionsAsync(id)).Count.ShouldBe(3);

        // Any two versions can be compared.
        var compare = await alice.GetAsync($"/admin/content/{id}/revisions?from=1&to=3");
        compare.Body.ShouldNotContain("class=\"diff-added\"");
        compare.Body.ShouldNotContain("class=\"diff-removed\"");
    }

    [Fact]
    public async Task Preview_links_work_anonymously_and_are_refused_after_revoke_expiry_and_publish()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "Secret draft about the merger", "The merger talks have stalled.");
        var alice = await fixture.As(WorkflowSite.Author);
        var reader = Site.Anonymous();

        var link = await CreateLinkAsync(alice, id);
        var preview = await reader.GetAsync(link);
        preview.Status.ShouldBe(HttpStatusCode.OK);
        preview.Body.ShouldContain("Secret draft about the merger");
        preview.Body.ShouldContain("The merger talks have stalled.");
        preview.Body.ShouldContain("<meta name=\"robots\" content=\"noindex");
        preview.Header("X-Robots-Tag").ShouldContain("noindex");
        preview.Header("Cache-Control").ShouldContain("no-store");

        // The preview shows the latest draft, not a copy made when the link was created.
        await Site.SaveParagraphAsync(id, "The merger talks resumed on Tuesday.");
        (await reader.GetAsync(link)).Body.ShouldContain("The merger talks resumed on Tuesday.");

        // A forged or altered token is refused.
        (await reader.GetAsync(link + "x")).Status.ShouldBe(HttpStatusCode.Gone);

        // Revoked.
        var links = await alice.GetAsync($"/admin/content/{id}/preview-links");
        var linkId = Regex.Match(links.Body, "data-link=\"([0-9a-f]{32})\"").Groups[1].Value;
        (await alice.PostAsync($"/admin/content/{id}/preview-link/{linkId}/revoke")).Status.ShouldBe(HttpStatusCode.Redirect);
        var revoked = await reader.GetAsync(link);
        revoked.Status.ShouldBe(HttpStatusCode.Gone);
        revoked.Body.ShouldNotContain("The merger talks");

        // Expired: 48 hours by default.
        var expiring = await CreateLinkAsync(alice, id);
        Site.Clock.Advance(TimeSpan.FromHours(47));
        (await reader.GetAsync(expiring)).Status.ShouldBe(HttpStatusCode.OK);
        Site.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        (await reader.GetAsync(expiring)).Status.ShouldBe(HttpStatusCode.Gone);

        // Published: the link ends with the draft.
        alice = await fixture.As(WorkflowSite.Author); // two days later: a new session
        var beforePublish = await CreateLinkAsync(alice, id);
        (await reader.GetAsync(beforePublish)).Status.ShouldBe(HttpStatusCode.OK);
        (await Site.ApplyAsync(WorkflowSite.Editor, id, WorkflowAction.Publish, new WorkflowInput())).Succeeded.ShouldBeTrue();
        (await reader.GetAsync(beforePublish)).Status.ShouldBe(HttpStatusCode.Gone);
    }

    private static async Task<string> CreateLinkAsync(SiteClient client, string id)
    {
        var created = await client.PostAsync($"/admin/content/{id}/preview-link");
        created.Status.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetAsync(created.Location!);
        var url = Regex.Match(page.Body, "id=\"new-preview-link\" href=\"([^\"]+)\"").Groups[1].Value;
        url.ShouldNotBeNullOrEmpty();
        return new Uri(System.Net.WebUtility.HtmlDecode(url)).PathAndQuery;
    }

    [Fact]
    public async Task Audit_log_lists_actions_for_administrators_only()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "Audited article");
        var alice = await fixture.As(WorkflowSite.Author);
        (await alice.PostAsync($"/admin/workflow/{id}/submit-for-review")).Status.ShouldBe(HttpStatusCode.Redirect);
        var editor = await fixture.As(WorkflowSite.Editor);
        (await editor.PostAsync($"/admin/workflow/{id}/publish")).Status.ShouldBe(HttpStatusCode.Redirect);

        var admin = await fixture.As(WorkflowSite.Admin);
        var log = await admin.GetAsync($"/admin/audit?item={id}");
        log.Status.ShouldBe(HttpStatusCode.OK);
        log.Body.ShouldContain("<td class=\"action\">SubmitForReview</td>");
        log.Body.ShouldContain("<td class=\"action\">Publish</td>");
        Regex.Count(log.Body, "<tr data-action=").ShouldBe(2);

        var byAlice = await admin.GetAsync($"/admin/audit?user={WorkflowSite.Author}&item={id}");
        Regex.Count(byAlice.Body, "<tr data-action=").ShouldBe(1);
        byAlice.Body.ShouldContain("SubmitForReview");

        var publishes = await admin.GetAsync($"/admin/audit?action=Publish&item={id}");
        Regex.Count(publishes.Body, "<tr data-action=\"Publish\"").ShouldBe(1);

        var outside = await admin.GetAsync($"/admin/audit?item={id}&from=2020-01-01&to=2020-01-02");
        Regex.Count(outside.Body, "<tr data-action=").ShouldBe(0);

        (await editor.GetAsync("/admin/audit")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.GetAsync("/admin/audit")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Site.Anonymous().GetAsync("/admin/audit")).Status.ShouldBe(HttpStatusCode.Redirect);
    }
}
