using Microsoft.Extensions.DependencyInjection;
using Newsroom.ContentManagement;
using Newsroom.Core.Tests.Infrastructure;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Content;

/// <summary>
/// Twenty editors at once, each in its own scope (its own DbContext and connection): the database
/// keeps one latest and at most one published version, every save either lands as its own version
/// or is refused with <see cref="ContentConcurrencyException"/>, and nothing else happens.
/// </summary>
public sealed class ContentConcurrencyTests
{
    private const int Editors = 20;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_concurrent_saves_lose_nothing_and_refuse_the_stale_ones(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var item = await site.CreateAsync(TestSite.Story, "base");

        var outcomes = await RaceAsync(site, item.ContentItemId, (content, copy) => content.SaveDraftAsync(copy));

        var rows = await site.RowsAsync(item.ContentItemId);
        rows.Count(r => r.Latest).ShouldBe(1);
        rows.Count(r => r.Published).ShouldBe(0);
        AssertOutcomes(outcomes, rows);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_concurrent_publishes_leave_one_latest_and_one_published(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var item = await site.CreateAsync(TestSite.Story, "base", VersionOptions.Published);

        var outcomes = await RaceAsync(site, item.ContentItemId, (content, copy) => content.PublishAsync(copy));

        var rows = await site.RowsAsync(item.ContentItemId);
        rows.Count(r => r.Latest).ShouldBe(1);
        rows.Count(r => r.Published).ShouldBe(1);
        rows.Single(r => r.Published).Latest.ShouldBeTrue("the last successful publish is both latest and published");
        AssertOutcomes(outcomes, rows);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_concurrent_saves_of_copies_loaded_together_let_exactly_one_through(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var item = await site.CreateAsync(TestSite.Note, "base", VersionOptions.Published);

        // Every copy is loaded before any save: they all carry the same stamp, so one wins.
        var scopes = Enumerable.Range(0, Editors).Select(_ => site.Scope()).ToList();
        try
        {
            var copies = new List<(IContentManager Content, ContentItem Copy)>();
            foreach (var scope in scopes)
            {
                var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
                copies.Add((content, (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!));
            }

            var outcomes = await Task.WhenAll(copies.Select((c, i) => Task.Run(async () =>
            {
                c.Copy.Alter<StoryPart>(p => p.Body = $"edit {i}");
                try
                {
                    await c.Content.PublishAsync(c.Copy);
                    return (Index: i, Error: (Exception?)null);
                }
                catch (Exception ex)
                {
                    return (Index: i, Error: ex);
                }
            })));

            outcomes.Where(o => o.Error is not null).Select(o => o.Error!.GetType()).Distinct().ShouldBe([typeof(ContentConcurrencyException)]);
            var winner = outcomes.Single(o => o.Error is null);
            var rows = await site.RowsAsync(item.ContentItemId);
            ContentLifecycleTests.Flags(rows).ShouldBe(["1:-", "2:LP"]);
            ContentLifecycleTests.Body(rows[1]).ShouldBe($"edit {winner.Index}");
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private static async Task<(int Index, Exception? Error, string? VersionId)[]> RaceAsync(TestSite site, string contentItemId, Func<IContentManager, ContentItem, Task> save)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Editors).Select(i => Task.Run(async () =>
        {
            await using var scope = site.Scope();
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await start.Task;
            try
            {
                var copy = (await content.GetAsync(contentItemId, VersionOptions.Latest))!;
                copy.Alter<StoryPart>(p => p.Body = $"edit {i}");
                copy.DisplayText = $"edit {i}";
                await save(content, copy);
                return (i, (Exception?)null, (string?)copy.ContentItemVersionId);
            }
            catch (Exception ex)
            {
                return (i, ex, null);
            }
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static void AssertOutcomes((int Index, Exception? Error, string? VersionId)[] outcomes, List<Newsroom.ContentManagement.Records.ContentItemRecord> rows)
    {
        // Nothing but success or a concurrency refusal.
        var unexpected = outcomes.Where(o => o.Error is not null and not ContentConcurrencyException).Select(o => o.Error!.ToString()).ToList();
        unexpected.ShouldBeEmpty();

        var succeeded = outcomes.Where(o => o.Error is null).ToList();
        succeeded.Count.ShouldBeGreaterThan(0);

        // One version per successful save (none lost, none merged), each holding that save's text.
        rows.Count.ShouldBe(1 + succeeded.Count);
        foreach (var (index, _, versionId) in succeeded)
        {
            var row = rows.Single(r => r.ContentItemVersionId == versionId);
            ContentLifecycleTests.Body(row).ShouldBe($"edit {index}");
        }

        // The refused ones wrote nothing: no version carries their text.
        var refused = outcomes.Where(o => o.Error is ContentConcurrencyException).Select(o => $"edit {o.Index}").ToHashSet();
        rows.Select(ContentLifecycleTests.Body).Where(refused.Contains).ShouldBeEmpty();
        rows.Select(r => r.Number).ShouldBe(Enumerable.Range(1, rows.Count));
    }
}
