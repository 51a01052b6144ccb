using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Queries;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Newsroom.Core.Tests.Infrastructure;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Content;

/// <summary>
/// The list service against a few hundred real rows: every filter, offset pages and keyset cursors
/// give exactly the rows a plain in-memory filter of what was created gives, in the same order.
/// </summary>
public sealed class ContentListTests
{
    private const int Count = 240;
    private static readonly DateTime s_base = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private sealed record Made(int Index, string Id, string Type, string Owner, DateTime Modified, DateTime? Published, bool Deleted, string Text);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_and_both_kinds_of_paging_return_the_right_rows_in_a_stable_order(string provider)
    {
        var clock = new FakeTimeProvider(s_base.AddDays(10));
        await using var site = await TestSite.StartAsync(provider, clock);
        var made = await SeedAsync(site, clock);
        var live = made.Where(m => !m.Deleted).ToList();

        await CheckAsync(site, new ContentListQuery(), live);
        await CheckAsync(site, new ContentListQuery { ContentTypes = [TestSite.Story] }, live.Where(m => m.Type == TestSite.Story));
        await CheckAsync(site, new ContentListQuery { ContentTypes = [TestSite.Story, TestSite.Note] }, live);
        await CheckAsync(site, new ContentListQuery { Status = ContentStatus.Published }, live.Where(m => m.Published is not null));
        await CheckAsync(site, new ContentListQuery { Status = ContentStatus.Draft }, live.Where(m => m.Published is null));
        await CheckAsync(site, new ContentListQuery { Status = ContentStatus.Deleted }, made.Where(m => m.Deleted));
        await CheckAsync(site, new ContentListQuery { Owner = "alice" }, live.Where(m => m.Owner == "alice"));
        var from = s_base.AddMinutes(30);
        var to = s_base.AddMinutes(75);
        await CheckAsync(site, new ContentListQuery { ModifiedFromUtc = from, ModifiedToUtc = to }, live.Where(m => m.Modified >= from && m.Modified < to));
        await CheckAsync(site, new ContentListQuery { Text = "  KARABAKH " }, live.Where(m => m.Text.Contains("Karabakh", StringComparison.Ordinal)));
        await CheckAsync(
            site,
            new ContentListQuery { ContentTypes = [TestSite.Note], Owner = "bob", Text = "karabakh", Status = ContentStatus.Draft },
            live.Where(m => m.Type == TestSite.Note && m.Owner == "bob" && m.Text.Contains("Karabakh", StringComparison.Ordinal) && m.Published is null));
        await CheckAsync(site, new ContentListQuery { Sort = ContentSort.ModifiedAscending }, live);
        await CheckAsync(site, new ContentListQuery { Sort = ContentSort.PublishedDescending, Status = ContentStatus.Published }, live.Where(m => m.Published is not null));
        await CheckAsync(site, new ContentListQuery { Owner = "nobody" }, []);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cursor_neither_repeats_nor_skips_rows_when_new_items_arrive_between_pages(string provider)
    {
        var clock = new FakeTimeProvider(s_base.AddDays(10));
        await using var site = await TestSite.StartAsync(provider, clock);
        var made = await SeedAsync(site, clock);
        var expected = Expected(made.Where(m => !m.Deleted), ContentSort.ModifiedDescending).Select(m => m.Id).ToList();

        var seen = new List<string>();
        var query = new ContentListQuery { PageSize = 25, IncludeTotal = false };
        var page = await ListAsync(site, query);
        seen.AddRange(page.Items.Select(i => i.ContentItemId));

        // A newer item arrives while the editor reads page 1: offset paging would shift by one.
        await site.CreateAsync(TestSite.Note, "breaking news", configure: i => i.ModifiedUtc = s_base.AddDays(1));
        while (page.NextCursor is { } cursor)
        {
            page = await ListAsync(site, query with { After = cursor });
            page.Total.ShouldBeNull();
            seen.AddRange(page.Items.Select(i => i.ContentItemId));
        }

        seen.ShouldBe(expected);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_total_follows_every_write_at_once_and_is_reused_between_pages_otherwise(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        async Task<int?> TotalAsync(ContentStatus status = ContentStatus.Any) =>
            (await ListAsync(site, new ContentListQuery { Status = status, PageSize = 2 })).Total;

        var first = await site.CreateAsync(TestSite.Story, "first");
        var second = await site.CreateAsync(TestSite.Story, "second");
        (await TotalAsync()).ShouldBe(2);
        (await TotalAsync(ContentStatus.Draft)).ShouldBe(2);

        // Each write reaches the next count on this node, whatever it changed.
        await site.WithContentAsync(content => content.PublishAsync(first));
        (await TotalAsync(ContentStatus.Published)).ShouldBe(1);
        (await TotalAsync(ContentStatus.Draft)).ShouldBe(1);
        await site.CreateAsync(TestSite.Note, "third");
        (await TotalAsync()).ShouldBe(3);
        await site.WithContentAsync(content => content.RemoveAsync(second));
        (await TotalAsync()).ShouldBe(2);
        (await TotalAsync(ContentStatus.Deleted)).ShouldBe(1);
        await site.WithContentAsync(content => content.RestoreAsync(second.ContentItemId));
        (await TotalAsync()).ShouldBe(3);

        // A transaction counts its own rows; rolled back, nobody else ever sees them counted.
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var content = sp.GetRequiredService<IContentManager>();
            var failed = await Should.ThrowAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
            {
                var item = await content.NewAsync(TestSite.Note);
                item.DisplayText = "rolled back";
                await content.CreateAsync(item);
                (await sp.GetRequiredService<ContentListService>().ListAsync(new ContentListQuery { PageSize = 2 })).Total.ShouldBe(4);
                throw new InvalidOperationException("roll back");
            }));
            failed.Message.ShouldBe("roll back");
        });
        (await TotalAsync()).ShouldBe(3);

        // A change made without this node's content manager (another node) is counted within a second:
        // until then the total counted a moment ago is reused, where a fresh count would say 2.
        var counted = System.Diagnostics.Stopwatch.StartNew();
        (await TotalAsync()).ShouldBe(3);
        await site.WithScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Set<ContentItemRecord>()
            .Where(r => r.ContentItemId == first.ContentItemId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Deleted, true)));
        var reused = await TotalAsync();
        if (counted.ElapsedMilliseconds < ContentListTotals.MaxAgeMilliseconds)
        {
            reused.ShouldBe(3, "the total of the same list, counted less than a second ago");
        }

        await Task.Delay(ContentListTotals.MaxAgeMilliseconds + 100);
        (await TotalAsync()).ShouldBe(2);
    }

    private static async Task CheckAsync(TestSite site, ContentListQuery query, IEnumerable<Made> matching)
    {
        var expected = Expected(matching, query.Sort).Select(m => m.Id).ToList();
        const int pageSize = 17;

        // Offset pages.
        var byOffset = new List<string>();
        for (var number = 1; ; number++)
        {
            var page = await ListAsync(site, query with { Page = number, PageSize = pageSize });
            page.Total.ShouldBe(expected.Count, $"total for {query}");
            byOffset.AddRange(page.Items.Select(i => i.ContentItemId));
            if (page.Items.Count < pageSize || byOffset.Count >= expected.Count)
            {
                break;
            }
        }

        byOffset.ShouldBe(expected, $"offset pages for {query}");

        // Keyset pages: each page's cursor leads to the next, the last has none.
        var byCursor = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(site, query with { PageSize = pageSize, After = cursor });
            page.Items.Count.ShouldBeLessThanOrEqualTo(pageSize);
            byCursor.AddRange(page.Items.Select(i => i.ContentItemId));
            cursor = page.NextCursor;
            (++pages).ShouldBeLessThan(100);
        }
        while (cursor is not null);

        byCursor.ShouldBe(expected, $"cursor pages for {query}");
    }

    private static IEnumerable<Made> Expected(IEnumerable<Made> rows, ContentSort sort) => sort switch
    {
        ContentSort.ModifiedAscending => rows.OrderBy(m => m.Modified).ThenBy(m => m.Index),
        ContentSort.PublishedDescending => rows.OrderByDescending(m => m.Published).ThenByDescending(m => m.Index),
        _ => rows.OrderByDescending(m => m.Modified).ThenByDescending(m => m.Index),
    };

    private static Task<ContentListPage> ListAsync(TestSite site, ContentListQuery query) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<ContentListService>().ListAsync(query));

    /// <summary>
    /// Items with two per minute (so sort keys tie and the id must break them), two types, two
    /// owners, some published, some in the trash, some with a word to search for.
    /// </summary>
    private static Task<List<Made>> SeedAsync(TestSite site, FakeTimeProvider clock) =>
        site.WithContentAsync(async content =>
        {
            var made = new List<Made>();
            for (var i = 0; i < Count; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                var type = i % 3 == 0 ? TestSite.Story : TestSite.Note;
                var owner = i % 4 == 0 ? "alice" : "bob";
                var text = $"Item {i:000} {(i % 10 == 3 ? "Karabakh talks" : "other news")}";
                var modified = s_base.AddMinutes(i / 2);
                var item = await content.NewAsync(type);
                item.DisplayText = text;
                item.Owner = owner;
                item.ModifiedUtc = modified;
                item.CreatedUtc = modified;
                item.Alter<StoryPart>(p => p.Body = text);
                var publish = i % 5 == 0;
                await content.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);
                var deleted = i % 7 == 6;
                if (deleted)
                {
                    await content.RemoveAsync(item);
                }

                made.Add(new Made(i, item.ContentItemId, type, owner, item.ModifiedUtc!.Value, publish && !deleted ? item.PublishedUtc : null, deleted, text));
            }

            return made;
        });
}
