using System.Net;
using Newsroom.Workflow.Models;
using Shouldly;
using Xunit;

namespace Newsroom.Workflow.Tests;

public sealed class TransitionSite : IAsyncLifetime
{
    public WorkflowSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await WorkflowSite.StartAsync();

    public async Task DisposeAsync() => await Site.DisposeAsync();

    /// <summary>A fresh session each time: tests move the clock past the session's lifetime.</summary>
    public Task<SiteClient> As(string user) => Site.SignedInAsync(user);
}

/// <summary>Who may do which transition, decided on the server (issue 4's role matrix).</summary>
public sealed class TransitionTests(TransitionSite fixture) : IClassFixture<TransitionSite>
{
    private WorkflowSite Site => fixture.Site;

    private static KeyValuePair<string, string>[] Form(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToArray();

    [Fact]
    public async Task Author_submits_own_article_and_the_editor_publishes_it_from_the_review_queue()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "Harbour reopens after storm");
        var alice = await fixture.As(WorkflowSite.Author);

        var submitted = await alice.PostAsync($"/admin/workflow/{id}/submit-for-review", Form(("returnUrl", "/admin")));
        submitted.Status.ShouldBe(HttpStatusCode.Redirect);
        submitted.Location.ShouldBe("/admin");
        (await Site.IndexAsync(id))!.Status.ShouldBe(EditorialStatus.InReview);

        var editor = await fixture.As(WorkflowSite.Editor);
        var queue = await editor.GetAsync("/admin/review");
        queue.Status.ShouldBe(HttpStatusCode.OK);
        queue.Body.ShouldContain("Harbour reopens after storm");
        (await alice.GetAsync("/admin/review")).Status.ShouldBe(HttpStatusCode.Forbidden);

        var published = await editor.PostAsync($"/admin/workflow/{id}/publish", Form(("returnUrl", "/admin/review")), "/admin/review");
        published.Status.ShouldBe(HttpStatusCode.Redirect);
        published.Location.ShouldBe("/admin/review");
        var live = await Site.PublishedAsync(id);
        live.ShouldNotBeNull();
        (await Site.IndexAsync(id))!.Status.ShouldBe(EditorialStatus.Published);
        (await editor.GetAsync("/admin/review")).Body.ShouldNotContain($"data-id=\"{id}\"");
    }

    [Fact]
    public async Task Author_cannot_publish_own_article()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "Author tries to publish");
        var alice = await fixture.As(WorkflowSite.Author);
        (await alice.PostAsync($"/admin/workflow/{id}/publish")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync($"/admin/workflow/{id}/unpublish")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync($"/admin/workflow/{id}/delete")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Site.PublishedAsync(id)).ShouldBeNull();
    }

    [Fact]
    public async Task Contributor_posting_a_publish_form_is_refused()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Contributor, "Contributor draft");
        var carl = await fixture.As(WorkflowSite.Contributor);
        (await carl.PostAsync($"/admin/workflow/{id}/publish")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await carl.PostAsync($"/admin/workflow/{id}/schedule", Form(("publishAt", "2030-01-01T10:00")))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Site.PublishedAsync(id)).ShouldBeNull();

        // Their own transitions work.
        (await carl.PostAsync($"/admin/workflow/{id}/submit-for-review")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Author_acting_on_another_authors_article_by_id_is_refused()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.OtherAuthor, "Bob's draft");
        var alice = await fixture.As(WorkflowSite.Author);
        (await alice.PostAsync($"/admin/workflow/{id}/submit-for-review")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync($"/admin/workflow/{id}/save-draft")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.GetAsync($"/admin/content/{id}/revisions")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync($"/admin/content/{id}/preview-link")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Site.IndexAsync(id))!.Status.ShouldBe(EditorialStatus.Draft);

        // The service says the same to the editor UI.
        var result = await Site.ApplyAsync(WorkflowSite.Author, id, Services.WorkflowAction.SubmitForReview, new Services.WorkflowInput());
        result.Forbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task Request_changes_needs_a_note_and_records_it()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "Needs work");
        var alice = await fixture.As(WorkflowSite.Author);
        (await alice.PostAsync($"/admin/workflow/{id}/submit-for-review")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await alice.PostAsync($"/admin/workflow/{id}/request-changes", Form(("note", "Not mine to ask")))).Status.ShouldBe(HttpStatusCode.Forbidden);

        var editor = await fixture.As(WorkflowSite.Editor);
        var noNote = await editor.PostAsync($"/admin/workflow/{id}/request-changes", Form(("note", "  ")));
        noNote.Status.ShouldBe(HttpStatusCode.BadRequest);
        noNote.Body.ShouldContain("a note is required");
        (await Site.IndexAsync(id))!.Status.ShouldBe(EditorialStatus.InReview);

        var asked = await editor.PostAsync($"/admin/workflow/{id}/request-changes", Form(("note", "Add a second source.")));
        asked.Status.ShouldBe(HttpStatusCode.Redirect);
        (await Site.IndexAsync(id))!.Status.ShouldBe(EditorialStatus.ChangesRequested);
        (await Site.LatestAsync(id))!.As<EditorialPart>().ReviewNote.ShouldBe("Add a second source.");
    }

    [Fact]
    public async Task Editor_unpublishes_deletes_and_restores()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.OtherAuthor, "Short-lived story");
        var editor = await fixture.As(WorkflowSite.Editor);
        (await editor.PostAsync($"/admin/workflow/{id}/publish")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Site.PublishedAsync(id)).ShouldNotBeNull();

        (await editor.PostAsync($"/admin/workflow/{id}/unpublish")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Site.PublishedAsync(id)).ShouldBeNull();
        (await Site.IndexAsync(id))!.Status.ShouldBe(EditorialStatus.Unpublished);

        (await editor.PostAsync($"/admin/workflow/{id}/delete")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Site.LatestAsync(id))!.Deleted.ShouldBeTrue();
        (await Site.IndexAsync(id)).ShouldBeNull();

        (await editor.PostAsync($"/admin/workflow/{id}/restore")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Site.LatestAsync(id))!.Deleted.ShouldBeFalse();
        (await Site.IndexAsync(id))!.Status.ShouldBe(EditorialStatus.Draft);
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_refused()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "Forged form");
        var editor = await fixture.As(WorkflowSite.Editor);
        var forged = await editor.PostWithoutTokenAsync($"/admin/workflow/{id}/publish", []);
        forged.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Site.PublishedAsync(id)).ShouldBeNull();
        (await editor.PostWithoutTokenAsync($"/admin/content/{id}/preview-link", [])).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Return_url_must_be_local()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "Open redirect attempt");
        var alice = await fixture.As(WorkflowSite.Author);
        var answer = await alice.PostAsync($"/admin/workflow/{id}/save-draft", Form(("returnUrl", "https://evil.example/")));
        answer.Status.ShouldBe(HttpStatusCode.Redirect);
        answer.Location.ShouldBe("/admin/content");
    }

    [Fact]
    public async Task Allowed_actions_follow_role_and_state()
    {
        var id = await Site.CreateArticleAsync(WorkflowSite.Author, "What may I do");
        (await Site.AllowedAsync(WorkflowSite.Author, id)).ShouldBe([Services.WorkflowAction.SaveDraft, Services.WorkflowAction.SubmitForReview]);
        (await Site.AllowedAsync(WorkflowSite.OtherAuthor, id)).ShouldBeEmpty();
        var editorActions = await Site.AllowedAsync(WorkflowSite.Editor, id);
        editorActions.ShouldContain(Services.WorkflowAction.Publish);
        editorActions.ShouldContain(Services.WorkflowAction.Schedule);
        editorActions.ShouldContain(Services.WorkflowAction.Delete);
        editorActions.ShouldNotContain(Services.WorkflowAction.Unpublish);
        editorActions.ShouldNotContain(Services.WorkflowAction.RequestChanges);

        var author = await Site.ApplyAsync(WorkflowSite.Author, id, Services.WorkflowAction.SaveDraft, new Services.WorkflowInput());
        author.Succeeded.ShouldBeTrue();

        var review = await Site.ApplyAsync(WorkflowSite.Editor, id, Services.WorkflowAction.RequestChanges, new Services.WorkflowInput("x"));
        review.Succeeded.ShouldBeFalse();
        review.Forbidden.ShouldBeFalse();
        review.Error.ShouldNotBeNull().ShouldContain("waiting for review");
    }
}
