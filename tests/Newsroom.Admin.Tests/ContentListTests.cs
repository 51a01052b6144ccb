using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Data;
using Newsroom.Users.Permissions;
using Shouldly;
using Xunit;

namespace Newsroom.Admin.Tests;

/// <summary>45 items of two types, two owners, two months; the list's filters, sort and pages read back through HTTP.</summary>
public sealed partial class ContentListSite : IAsyncLifetime
{
    public AdminSite Site { get; private set; } = null!;

    public SiteClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await AdminSite.StartAsync();
        await Site.EnableContentAdminAsync();
        await Site.CreateUserAsync("alice", StandardRoles.Author);
        await Site.CreateUserAsync("bob", StandardRoles.Author);

        // Articles 01-25 by alice in January (odd ones published); notes 01-20 by bob in March (first 5 published).
        for (var i = 1; i <= 25; i++)
        {
            await Site.CreateItemAsync("Article", $"Article {i:00}", "alice", published: i % 2 == 1, modifiedUtc: new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddHours(i));
        }

        for (var i = 1; i <= 20; i++)
        {
            await Site.CreateItemAsync("Note", i == 7 ? "Note 07 about the harbour bridge" : $"Note {i:00}", "bob", published: i <= 5, modifiedUtc: new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc).AddHours(i));
        }

        Admin = await Site.SignedInAsync(AdminSite.AdminName);
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed partial class ContentListTests(ContentListSite fixture) : IClassFixture<ContentListSite>
{
    /// <summary>The list's SQL on SQLite, as EF Core writes it: a page's columns, the current items, the newest first.</summary>
    private const string Select = "SELECT \"c\".\"Id\", \"c\".\"ContentItemId\", \"c\".\"ContentItemVersionId\", \"c\".\"ContentType\", \"c\".\"DisplayText\", \"c\".\"Owner\", \"c\".\"Author\", \"c\".\"Published\", \"c\".\"Latest\", \"c\".\"ModifiedUtc\", \"c\".\"PublishedUtc\"";
    private const string Current = "FROM \"ContentItems\" AS \"c\" WHERE \"c\".\"Latest\" AND NOT (\"c\".\"Deleted\")";
    private const string Newest = "ORDER BY \"c\".\"ModifiedUtc\" DESC, \"c\".\"Id\" DESC LIMIT 21 OFFSET 40000";

    [Theory]
    [InlineData("", 45)]
    [InlineData("type=Article", 25)]
    [InlineData("type=Note", 20)]
    [InlineData("status=published", 18)]
    [InlineData("status=draft", 27)]
    [InlineData("type=Article&status=draft", 12)]
    [InlineData("owner=bob", 20)]
    [InlineData("owner=bob&status=published", 5)]
    [InlineData("q=HARBOUR", 1)]
    [InlineData("from=2026-03-01&to=2026-03-31", 20)]
    [InlineData("from=2026-01-01&to=2026-01-31", 25)]
    [InlineData("to=2026-02-28", 25)]
    public async Task Filters_count_the_right_items(string query, int expected)
    {
        var page = await fixture.Admin.GetAsync("/admin/content?" + query);
        page.Status.ShouldBe(HttpStatusCode.OK);
        Total(page.Body).ShouldBe(expected);
        Rows(page.Body).Count.ShouldBe(Math.Min(expected, 20));
    }

    [Fact]
    public async Task Pages_hold_twenty_rows_newest_first_with_page_numbers()
    {
        var first = await fixture.Admin.GetAsync("/admin/content?type=Article");
        Rows(first.Body).ShouldBe(Enumerable.Range(6, 20).Reverse().Select(i => $"Article {i:00}"));
        first.Body.ShouldContain("href=\"/admin/content?type=Article&amp;page=2\"");
        first.Body.ShouldContain("<span aria-current=\"page\">1</span>");

        var second = await fixture.Admin.GetAsync("/admin/content?type=Article&page=2");
        Rows(second.Body).ShouldBe(Enumerable.Range(1, 5).Reverse().Select(i => $"Article {i:00}"));
        second.Body.ShouldContain("<span aria-current=\"page\">2</span>");

        var oldest = await fixture.Admin.GetAsync("/admin/content?type=Note&sort=modified-asc");
        Rows(oldest.Body).First().ShouldBe("Note 01");
        Rows(oldest.Body).Last().ShouldBe("Note 20");
    }

    [Fact]
    public async Task Dashboard_counts_my_drafts_all_drafts_and_published()
    {
        var alice = await fixture.Site.SignedInAsync("alice");
        var body = (await alice.GetAsync("/admin")).Body;
        Count(body, "My drafts").ShouldBe(12);
        Count(body, "All drafts").ShouldBe(27);
        Count(body, "Recently published").ShouldBe(18);
        body.ShouldContain("Article 24"); // alice's newest draft
    }

    [Fact]
    public async Task Deleted_items_are_listed_under_deleted()
    {
        var id = await fixture.Site.CreateItemAsync("Note", "Short-lived note", "bob");
        var answer = await fixture.Admin.PostAsync(
            "/admin/content/bulk",
            [new("ids", id), new("action", "delete"), new("returnUrl", "/admin/content?status=deleted")],
            "/admin/content");
        answer.Location.ShouldBe("/admin/content?status=deleted");
        var deleted = await fixture.Admin.GetAsync("/admin/content?status=deleted");
        Rows(deleted.Body).ShouldContain("Short-lived note");
        Rows((await fixture.Admin.GetAsync("/admin/content?q=short-lived")).Body).ShouldBeEmpty();
    }

    [Fact]
    public async Task Migrations_drop_the_old_scheduler_table_and_add_the_list_indexes()
    {
        await using var scope = fixture.Site.Site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var names = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master").ToListAsync();
        names.ShouldContain("ContentItems");
        names.ShouldNotContain("ContentSchedules");
        names.ShouldContain("IX_ContentItems_CurrentList");
        names.ShouldContain("IX_ContentItems_LivePublishedList");
        names.ShouldNotContain("IX_ContentItems_CurrentModifiedText");

        // The default list (all types, newest first) reads that index in order: no sort of the whole table.
        (await SqlitePlan.ExplainAsync(db, $"{Select} {Current} {Newest}")).ShouldBe(["SCAN c USING INDEX IX_ContentItems_CurrentList"]);

        // The page counts read a narrow index alone, never every row of the table (UX_ContentItems_Latest
        // qualifies too, but it cannot tell a deleted item without the row: ~400 ms at 100,000 articles).
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Current}")).ShouldBe(["SCAN c USING COVERING INDEX IX_ContentItems_CurrentCount"]);
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Current} AND NOT (\"c\".\"Published\")")).ShouldBe(["SCAN c USING COVERING INDEX IX_ContentItems_CurrentCount"]);
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Current} AND \"c\".\"ContentType\" = 'Article'"))
            .ShouldBe(["SEARCH c USING COVERING INDEX IX_ContentItems_CurrentCount (ContentType=?)"]);
        (await SqlitePlan.ExplainAsync(db, "SELECT COUNT(*) FROM \"ContentItems\" AS \"c\" WHERE \"c\".\"Latest\" AND \"c\".\"Deleted\""))
            .ShouldBe(["SCAN c USING INDEX IX_ContentItems_Trash"]);
    }

    /// <summary>
    /// A text search (the SQL the list sends on SQLite) reads the list index, which holds the title, for its
    /// page and its count alike; the count went through IX_ContentItems_CurrentCount and the table's rows
    /// (~200 ms at 100,000 articles). Within a type or among published items it reads their list index.
    /// </summary>
    [Fact]
    public async Task Text_search_reads_the_list_indexes_alone()
    {
        await using var scope = fixture.Site.Site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        const string Storm = "AND \"c\".\"DisplayText\" LIKE '%storm%' ESCAPE '\\'";
        (await SqlitePlan.ExplainAsync(db, $"{Select} {Current} {Storm} {Newest}")).ShouldBe(["SCAN c USING INDEX IX_ContentItems_CurrentList"]);
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Current} {Storm}")).ShouldBe(["SCAN c USING COVERING INDEX IX_ContentItems_CurrentList"]);

        const string Article = "AND \"c\".\"ContentType\" = 'Article'";
        (await SqlitePlan.ExplainAsync(db, $"{Select} {Current} {Article} {Storm} {Newest}")).ShouldBe(["SEARCH c USING INDEX IX_ContentItems_CurrentTypeList (ContentType=?)"]);
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Current} {Article} {Storm}")).ShouldBe(["SEARCH c USING COVERING INDEX IX_ContentItems_CurrentTypeList (ContentType=?)"]);

        const string Live = "FROM \"ContentItems\" AS \"c\" WHERE \"c\".\"Published\" AND NOT (\"c\".\"Deleted\")";
        (await SqlitePlan.ExplainAsync(db, $"{Select} {Live} {Storm} {Newest}")).ShouldBe(["SCAN c USING INDEX IX_ContentItems_LiveModifiedList"]);
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Live} {Storm}")).ShouldBe(["SCAN c USING COVERING INDEX IX_ContentItems_LivePublishedList"]);
    }

    [Fact]
    public async Task Text_search_matches_any_part_of_the_title_in_any_case_and_takes_wildcards_literally()
    {
        Total((await fixture.Admin.GetAsync("/admin/content?q=arbour+BRID")).Body).ShouldBe(1);
        Total((await fixture.Admin.GetAsync("/admin/content?q=%25")).Body).ShouldBe(0);
        Total((await fixture.Admin.GetAsync("/admin/content?q=note_0")).Body).ShouldBe(0);
        Total((await fixture.Admin.GetAsync("/admin/content?q=note+0")).Body).ShouldBe(9);
    }

    private static int Total(string body) => int.Parse(TotalPattern().Match(body).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Rows(string body) =>
        TitlePattern().Matches(body).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static int Count(string body, string list)
    {
        var match = Regex.Match(body, $"data-list=\"{list}\">\\s*<h2>{list}</h2>\\s*<div class=\"count\">(\\d+)</div>");
        match.Success.ShouldBeTrue(list);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<span id=\"total\">(\\d+)</span>")]
    private static partial Regex TotalPattern();

    [GeneratedRegex("<td class=\"title\">([^<]*)</td>")]
    private static partial Regex TitlePattern();
}
