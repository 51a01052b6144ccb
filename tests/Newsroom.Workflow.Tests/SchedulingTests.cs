using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Data;
using Newsroom.Testing;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Models;
using Newsroom.Workflow.Services;
using Shouldly;
using Xunit;

namespace Newsroom.Workflow.Tests;

/// <summary>The scheduler publishes on time, exactly once across processes, and catches up at start-up.</summary>
public sealed class SchedulingTests
{
    private static KeyValuePair<string, string>[] Form(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToArray();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_hosts_sharing_the_database_publish_a_due_article_exactly_once(string provider)
    {
        await using var first = await WorkflowSite.StartAsync(provider);
        var id = await first.CreateArticleAsync(WorkflowSite.Author, "Budget passes at midnight");

        // The editor types the site's local time (Asia/Kolkata, UTC+5:30) and the page shows the conversion.
        var editor = await first.SignedInAsync(WorkflowSite.Editor);
        var scheduled = await editor.PostAsync($"/admin/workflow/{id}/schedule", Form(("publishAt", "2026-11-27T13:00"), ("returnUrl", "/admin/scheduled")));
        scheduled.Status.ShouldBe(HttpStatusCode.Redirect);
        var row = await first.IndexAsync(id);
        row.ShouldNotBeNull();
        row.Status.ShouldBe(EditorialStatus.Scheduled);
        row.ScheduledPublishUtc.ShouldBe(new DateTime(2026, 11, 27, 7, 30, 0, DateTimeKind.Utc));
        (await editor.GetAsync("/admin/scheduled")).Body.ShouldContain("2026-11-27 13:00 Asia/Kolkata (2026-11-27 07:30 UTC)");

        // A second process on the same database and clock.
        await using var second = new WorkflowSite(first.Database, first.Clock, ownsDatabase: false);
        _ = second.Site.Services;
        await Eventually.WaitAsync(() => Task.FromResult(first.Publisher.CompletedRuns > 0 && second.Publisher.CompletedRuns > 0), "both publishers' start-up runs");
        (await first.PublishedAsync(id)).ShouldBeNull();

        var before = (first.Publisher.CompletedRuns, second.Publisher.CompletedRuns);
        first.Clock.Advance(TimeSpan.FromMinutes(61));
        await Eventually.WaitAsync(
            () => Task.FromResult(first.Publisher.CompletedRuns > before.Item1 && second.Publisher.CompletedRuns > before.Item2),
            "a run of both publishers after the instant");

        (await first.PublishedAsync(id)).ShouldNotBeNull();
        var versions = await first.VersionsAsync(id);
        versions.Count(v => v.PublishedUtc is not null).ShouldBe(1);
        var audit = await first.AuditAsync(id);
        audit.Count(a => a.Action == nameof(WorkflowAction.Publish)).ShouldBe(1);
        audit.Single(a => a.Action == nameof(WorkflowAction.Publish)).UserName.ShouldBe("system");
        var after = await first.IndexAsync(id);
        after!.Status.ShouldBe(EditorialStatus.Published);
        after.ScheduledPublishUtc.ShouldBeNull();

        // Another tick on both changes nothing.
        var again = (first.Publisher.CompletedRuns, second.Publisher.CompletedRuns);
        first.Clock.Advance(ScheduledPublisher.Interval);
        await Eventually.WaitAsync(
            () => Task.FromResult(first.Publisher.CompletedRuns > again.Item1 && second.Publisher.CompletedRuns > again.Item2),
            "another run of both publishers");
        (await first.VersionsAsync(id)).Count(v => v.PublishedUtc is not null).ShouldBe(1);
        (await first.AuditAsync(id)).Count(a => a.Action == nameof(WorkflowAction.Publish)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scheduled_publish_and_unpublish_happen_when_the_clock_reaches_them_and_not_before(string provider)
    {
        await using var site = await WorkflowSite.StartAsync(provider);
        var id = await site.CreateArticleAsync(WorkflowSite.Author, "Embargoed");
        var start = WorkflowSite.Start.UtcDateTime;
        var result = await site.ApplyAsync(WorkflowSite.Editor, id, WorkflowAction.Schedule, new WorkflowInput(PublishAtUtc: start.AddMinutes(30), UnpublishAtUtc: start.AddHours(2)));
        result.Succeeded.ShouldBeTrue(result.Error);

        // The dashboard counts it under Scheduled, with the instant in the site's zone (Asia/Kolkata, UTC+5:30).
        var admin = await site.SignedInAsync(WorkflowSite.Admin);
        var dashboard = (await admin.GetAsync("/admin")).Body;
        dashboard.ShouldMatch("data-list=\"Scheduled\">\\s*<h2>Scheduled</h2>\\s*<div class=\"count\">1</div>");
        dashboard.ShouldContain("Scheduled 2026-11-27 12:30");

        await RunAfterAsync(site, TimeSpan.FromMinutes(29));
        (await site.PublishedAsync(id)).ShouldBeNull("not due yet");

        await RunAfterAsync(site, TimeSpan.FromMinutes(2));
        await Eventually.WaitAsync(async () => await site.PublishedAsync(id) is not null, "the scheduled publication");
        (await site.PublishedAsync(id))!.PublishedUtc.ShouldBe(start.AddMinutes(31));

        await RunAfterAsync(site, TimeSpan.FromHours(2));
        await Eventually.WaitAsync(async () => await site.PublishedAsync(id) is null, "the scheduled unpublication");
        var row = await site.IndexAsync(id);
        row!.Status.ShouldBe(EditorialStatus.Unpublished);
        row.ScheduledPublishUtc.ShouldBeNull();
        row.ScheduledUnpublishUtc.ShouldBeNull();
        (await site.AuditAsync(id)).Select(a => a.Action).ShouldBe([nameof(WorkflowAction.Schedule), nameof(WorkflowAction.Publish), nameof(WorkflowAction.Unpublish)]);
        (await admin.GetAsync("/admin")).Body.ShouldMatch("<h2>Scheduled</h2>\\s*<div class=\"count\">0</div>");
    }

    /// <summary>Moves the clock and waits for the publisher run that the timer then starts.</summary>
    private static async Task RunAfterAsync(WorkflowSite site, TimeSpan time)
    {
        await Eventually.WaitAsync(() => Task.FromResult(site.Publisher.CompletedRuns > 0), "the publisher's start-up run");
        var before = site.Publisher.CompletedRuns;
        site.Clock.Advance(time);
        await Eventually.WaitAsync(() => Task.FromResult(site.Publisher.CompletedRuns > before), "a publisher run after the clock moved");
    }

    [Fact]
    public async Task A_schedule_missed_while_the_site_was_down_runs_at_start_up()
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        try
        {
            var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(WorkflowSite.Start);
            string id;
            await using (var before = new WorkflowSite(database, clock, ownsDatabase: false))
            {
                _ = before.Site.Services;
                await before.CreateUserAsync(WorkflowSite.Editor, Users.Permissions.StandardRoles.Editor);
                id = await before.CreateArticleAsync(WorkflowSite.Editor, "Overnight results");
                var result = await before.ApplyAsync(
                    WorkflowSite.Editor,
                    id,
                    WorkflowAction.Schedule,
                    new WorkflowInput(PublishAtUtc: WorkflowSite.Start.UtcDateTime.AddHours(1), UnpublishAtUtc: WorkflowSite.Start.UtcDateTime.AddHours(3)));
                result.Succeeded.ShouldBeTrue(result.Error);
            }

            // Down for two hours: the publish instant passes with no process running.
            clock.Advance(TimeSpan.FromHours(2));
            await using var after = new WorkflowSite(database, clock, ownsDatabase: false);
            _ = after.Site.Services;
            await Eventually.WaitAsync(async () => await after.PublishedAsync(id) is not null, "the missed publication");
            (await after.Anonymous().GetAsync("/news/overnight-results")).Status.ShouldBe(HttpStatusCode.OK);
            var row = await after.IndexAsync(id);
            row!.Status.ShouldBe(EditorialStatus.Published);
            row.ScheduledUnpublishUtc.ShouldBe(WorkflowSite.Start.UtcDateTime.AddHours(3));

            // The scheduled unpublication follows when its time comes.
            clock.Advance(TimeSpan.FromHours(1) + ScheduledPublisher.Interval);
            await Eventually.WaitAsync(async () => await after.PublishedAsync(id) is null, "the scheduled unpublication");
            (await after.IndexAsync(id))!.Status.ShouldBe(EditorialStatus.Unpublished);
            var audit = await after.AuditAsync(id);
            audit.Select(a => a.Action).ShouldBe([nameof(WorkflowAction.Schedule), nameof(WorkflowAction.Publish), nameof(WorkflowAction.Unpublish)]);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Schedules_in_the_past_are_refused()
    {
        await using var site = await WorkflowSite.StartAsync();
        var id = await site.CreateArticleAsync(WorkflowSite.Author, "Too late");
        var editor = await site.SignedInAsync(WorkflowSite.Editor);
        var answer = await editor.PostAsync($"/admin/workflow/{id}/schedule", Form(("publishAt", "2026-11-27T11:00")));
        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Body.ShouldContain("in the past");
        (await site.IndexAsync(id))!.ScheduledPublishUtc.ShouldBeNull();
    }
}
