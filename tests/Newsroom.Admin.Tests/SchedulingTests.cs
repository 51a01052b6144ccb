using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Contents.Scheduling;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Admin.Tests;

/// <summary>Scheduled publish and unpublish, driven by a fake clock: on time, after downtime, exactly once across hosts.</summary>
public sealed class SchedulingTests
{
    private static readonly DateTimeOffset s_start = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scheduled_publish_and_unpublish_happen_when_the_clock_reaches_them(string provider)
    {
        var clock = new FakeTimeProvider(s_start);
        await using var site = await AdminSite.StartAsync(provider, clock: clock);
        await site.EnableContentAdminAsync();
        var id = await site.CreateItemAsync("Article", "Embargoed", "editor");
        await ScheduleAsync(site, id, ScheduledAction.Publish, s_start.AddMinutes(30));
        await ScheduleAsync(site, id, ScheduledAction.Unpublish, s_start.AddHours(2));

        // The dashboard lists it under Scheduled, due time in the site's zone (Asia/Kolkata, UTC+5:30).
        var admin = await site.SignedInAsync(AdminSite.AdminName);
        var dashboard = (await admin.GetAsync("/admin")).Body;
        dashboard.ShouldMatch("data-list=\"Scheduled\">\\s*<h2>Scheduled</h2>\\s*<div class=\"count\">1</div>");
        dashboard.ShouldContain("Embargoed <small>Article · publishes 2026-05-01 16:00</small>");

        clock.Advance(TimeSpan.FromMinutes(29));
        (await RunDueAsync(site)).ShouldBe(0); // not due yet
        (await site.GetItemAsync(id))!.Published.ShouldBeFalse();

        clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually(async () => (await site.GetItemAsync(id))!.Published);
        (await site.GetItemAsync(id))!.PublishedUtc.ShouldBe(s_start.AddMinutes(31).UtcDateTime);

        clock.Advance(TimeSpan.FromHours(2));
        await Eventually(async () => !(await site.GetItemAsync(id))!.Published);
        (await PendingAsync(site, id)).ShouldBeEmpty();
        (await admin.GetAsync("/admin")).Body.ShouldMatch("<h2>Scheduled</h2>\\s*<div class=\"count\">0</div>");
    }

    [Fact]
    public async Task Schedules_missed_while_the_site_was_down_run_at_start()
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var clock = new FakeTimeProvider(s_start);
        string id;
        await using (var first = await AdminSite.StartAsync(database: database, clock: clock))
        {
            await first.EnableContentAdminAsync();
            id = await first.CreateItemAsync("Article", "Due while down", "editor");
            await ScheduleAsync(first, id, ScheduledAction.Publish, s_start.AddHours(1));
        }

        var second = await AdminSite.StartAsync(database: database, clock: new FakeTimeProvider(s_start.AddHours(5)));
        await Eventually(async () => (await second.GetItemAsync(id))!.Published);
        await second.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Two_hosts_on_one_database_run_each_schedule_exactly_once()
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var a = await AdminSite.StartAsync(database: database, clock: new FakeTimeProvider(s_start));
        await a.EnableContentAdminAsync();
        var b = await AdminSite.StartAsync(database: database, clock: new FakeTimeProvider(s_start));
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var id = await a.CreateItemAsync("Article", $"Scheduled {i}", "editor");
            await ScheduleAsync(a, id, ScheduledAction.Publish, s_start.AddMinutes(-1)); // already due; the fake clocks stand still
            ids.Add(id);
        }

        // Both hosts race over the same due rows, twice each.
        var runs = await Task.WhenAll(RunDueAsync(a), RunDueAsync(b), RunDueAsync(a), RunDueAsync(b));
        runs.Sum().ShouldBe(12);

        await AssertEachRanOnceAsync(a, ids);

        await a.DisposeAsync();
        await b.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task AssertEachRanOnceAsync(AdminSite site, IReadOnlyList<string> ids)
    {
        await using var scope = site.Site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<Newsroom.Data.NewsroomDbContext>();
        var rows = db.Set<ContentSchedule>().ToList();
        rows.Count.ShouldBe(ids.Count);
        rows.ShouldAllBe(r => r.DoneUtc != null && r.Error == null);
        var contents = scope.ServiceProvider.GetRequiredService<Newsroom.ContentManagement.IContentManager>();
        foreach (var id in ids)
        {
            (await contents.ListVersionsAsync(id)).Count(v => v.Published).ShouldBe(1);
        }
    }

    private static async Task ScheduleAsync(AdminSite site, string id, ScheduledAction action, DateTimeOffset due)
    {
        await using var scope = site.Site.CreateShellScope();
        await scope.ServiceProvider.GetRequiredService<ContentScheduler>().ScheduleAsync(id, action, due.UtcDateTime);
    }

    private static async Task<int> RunDueAsync(AdminSite site)
    {
        await using var scope = site.Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<ContentScheduler>().RunDueAsync();
    }

    private static async Task<IReadOnlyList<ContentSchedule>> PendingAsync(AdminSite site, string id)
    {
        await using var scope = site.Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<ContentScheduler>().PendingAsync(id);
    }

    /// <summary>Waits for the background service to make <paramref name="condition"/> true (it runs on another thread).</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        (await condition()).ShouldBeTrue("the scheduled change did not happen");
    }
}
