using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Workflow.Services;
using Shouldly;
using Xunit;

namespace Newsroom.Workflow.Tests;

/// <summary>
/// A known mix, made through the content manager and the workflow: 33 live articles in two sections
/// with two bylines, one draft, two in review, one scheduled, one unpublished.
/// </summary>
public abstract class ContentListMix : IAsyncLifetime
{
    public const string Jane = "jane-doe", Raj = "raj-patel";

    public WorkflowSite Site { get; private set; } = null!;

    public SiteClient Admin { get; private set; } = null!;

    protected abstract string Provider { get; }

    /// <summary>Live articles: "Live 01".."Live 33"; every third in sport, the rest in politics; even ones by Jane, odd ones by Raj.</summary>
    public static IEnumerable<int> Live => Enumerable.Range(1, 33);

    public static string Section(int i) => i % 3 == 0 ? "sport" : "politics";

    public static string Byline(int i) => i % 2 == 0 ? Jane : Raj;

    public async Task InitializeAsync()
    {
        Site = await WorkflowSite.StartAsync(Provider);
        await using (var scope = Site.Site.CreateShellScope())
        {
            var documents = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
            var settings = await documents.GetForUpdateAsync<SiteSettings>();
            settings.Sections = [new() { Slug = "politics", Name = "Politics" }, new() { Slug = "sport", Name = "Sport" }];
            await documents.SaveAsync(settings);
        }

        var bylines = new Dictionary<string, string> { [Jane] = await Site.CreateBylineAsync("Jane Doe", Jane), [Raj] = await Site.CreateBylineAsync("Raj Patel", Raj) };
        foreach (var i in Live)
        {
            await Site.CreateFiledArticleAsync($"Live {i:00}", Section(i), [bylines[Byline(i)]], published: true, WorkflowSite.Author);
        }

        // Never published: the section and byline filters match the latest version, so it is listed under politics and Jane.
        await Site.CreateFiledArticleAsync("Plain draft", "politics", [bylines[Jane]], published: false, WorkflowSite.Author);
        foreach (var title in new[] { "Review 1", "Review 2" })
        {
            var id = await Site.CreateArticleAsync(WorkflowSite.Author, title);
            (await Site.ApplyAsync(WorkflowSite.Author, id, WorkflowAction.SubmitForReview, new WorkflowInput())).Succeeded.ShouldBeTrue();
        }

        var scheduled = await Site.CreateArticleAsync(WorkflowSite.Author, "Embargoed budget");
        (await Site.ApplyAsync(WorkflowSite.Editor, scheduled, WorkflowAction.Schedule, new WorkflowInput(PublishAtUtc: WorkflowSite.Start.UtcDateTime.AddDays(1)))).Succeeded.ShouldBeTrue();

        var withdrawn = await Site.CreateFiledArticleAsync("Withdrawn story", "politics", [bylines[Jane]], published: true, WorkflowSite.Author);
        (await Site.ApplyAsync(WorkflowSite.Editor, withdrawn, WorkflowAction.Unpublish, new WorkflowInput())).Succeeded.ShouldBeTrue();

        Admin = await Site.SignedInAsync(WorkflowSite.Admin);
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed class SqliteContentListMix : ContentListMix
{
    protected override string Provider => TestDatabase.Sqlite;
}

public sealed class PostgresContentListMix : ContentListMix
{
    protected override string Provider => TestDatabase.Postgres;
}

public sealed class SqliteContentListTests(SqliteContentListMix mix) : ContentListTests(mix), IClassFixture<SqliteContentListMix>
{
    /// <summary>
    /// The section filter's SQL on SQLite, as EF Core writes it. A section holds a large share of the
    /// articles, so the list index is read in list order and each entry's item checked against the
    /// section's ids; a plain <c>IN</c> looked every member up through UX_ContentItems_Latest and read its
    /// row (with the JSON) to sort them all: 200–300 ms for 20,000 of 100,000 articles.
    /// </summary>
    [Fact]
    public async Task Section_filter_reads_the_list_indexes_in_order_and_never_the_table()
    {
        await using var scope = Mix.Site.Site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        const string Page = "SELECT \"c\".\"Id\", \"c\".\"ContentItemId\", \"c\".\"ContentItemVersionId\", \"c\".\"ContentType\", \"c\".\"DisplayText\", \"c\".\"Owner\", \"c\".\"Author\", \"c\".\"Published\", \"c\".\"Latest\", \"c\".\"ModifiedUtc\", \"c\".\"PublishedUtc\"";
        const string Current = "FROM \"ContentItems\" AS \"c\" WHERE \"c\".\"Latest\" AND NOT (\"c\".\"Deleted\")";
        const string Live = "FROM \"ContentItems\" AS \"c\" WHERE \"c\".\"Published\" AND NOT (\"c\".\"Deleted\")";
        const string InSection = "AND \"c\".\"ContentItemId\" || '' IN (SELECT \"a\".\"ContentItemId\" FROM \"ArticleLatestIndex\" AS \"a\" WHERE \"a\".\"Section\" = 'politics')";
        const string Newest = "ORDER BY \"c\".\"ModifiedUtc\" DESC, \"c\".\"Id\" DESC LIMIT 21 OFFSET 18000";
        string[] section = ["LIST SUBQUERY 1", "SEARCH a USING COVERING INDEX IX_ArticleLatestIndex_Section (Section=?)", "CREATE BLOOM FILTER"];

        (await SqlitePlan.ExplainAsync(db, $"{Page} {Current} {InSection} {Newest}")).ShouldBe(["SCAN c USING INDEX IX_ContentItems_CurrentList", .. section]);
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Current} {InSection}")).ShouldBe(["SCAN c USING COVERING INDEX IX_ContentItems_CurrentItems", .. section]);
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Current} AND \"c\".\"DisplayText\" LIKE '%live%' ESCAPE '\\' {InSection}"))
            .ShouldBe(["SCAN c USING COVERING INDEX IX_ContentItems_CurrentList", .. section]);

        // Combined with a type or with "published", it reads their list indexes the same way.
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Current} AND \"c\".\"ContentType\" = 'Article' {InSection}"))
            .ShouldBe(["SEARCH c USING COVERING INDEX IX_ContentItems_CurrentItems (ContentType=?)", .. section]);
        (await SqlitePlan.ExplainAsync(db, $"{Page} {Live} {InSection} {Newest}")).ShouldBe(["SCAN c USING INDEX IX_ContentItems_LiveModifiedList", .. section]);
        (await SqlitePlan.ExplainAsync(db, $"SELECT COUNT(*) {Live} {InSection}")).ShouldBe(["SCAN c USING COVERING INDEX IX_ContentItems_LivePublishedList", .. section]);
    }
}

public sealed class PostgresContentListTests(PostgresContentListMix mix) : ContentListTests(mix), IClassFixture<PostgresContentListMix>;

/// <summary>The workflow, section and byline filters of <c>/admin/content</c>, its badges and the dashboard's lists, through HTTP.</summary>
public abstract partial class ContentListTests(ContentListMix mix)
{
    protected ContentListMix Mix => mix;

    private static IEnumerable<string> LiveTitles(Func<int, bool> where) => ContentListMix.Live.Where(where).Select(i => $"Live {i:00}");

    [Fact]
    public async Task Workflow_statuses_list_exactly_their_items()
    {
        (await AllRowsAsync("status=review")).ShouldBe(["Review 1", "Review 2"], ignoreOrder: true);
        (await AllRowsAsync("status=scheduled")).ShouldBe(["Embargoed budget"]);
        (await AllRowsAsync("status=unpublished")).ShouldBe(["Withdrawn story"]);
        (await AllRowsAsync("status=published&type=Article")).ShouldBe(LiveTitles(_ => true), ignoreOrder: true);
        (await AllRowsAsync("status=draft&type=Article")).ShouldBe(["Plain draft", "Review 1", "Review 2", "Embargoed budget", "Withdrawn story"], ignoreOrder: true);
    }

    [Fact]
    public async Task Section_and_byline_filters_list_exactly_their_items_and_combine()
    {
        // The filters match each item's latest version, so the never-published draft and the unpublished
        // story (both politics, by Jane) are listed as well; the review and scheduled items have neither.
        string[] notLive = ["Plain draft", "Withdrawn story"];
        (await AllRowsAsync("section=politics")).ShouldBe(LiveTitles(i => ContentListMix.Section(i) == "politics").Concat(notLive), ignoreOrder: true);
        (await AllRowsAsync("section=Sport")).ShouldBe(LiveTitles(i => ContentListMix.Section(i) == "sport"), ignoreOrder: true);
        (await AllRowsAsync("byline=jane-doe")).ShouldBe(LiveTitles(i => ContentListMix.Byline(i) == ContentListMix.Jane).Concat(notLive), ignoreOrder: true);
        (await AllRowsAsync("section=politics&byline=jane-doe&q=live")).ShouldBe(
            LiveTitles(i => ContentListMix.Section(i) == "politics" && ContentListMix.Byline(i) == ContentListMix.Jane), ignoreOrder: true);
        (await AllRowsAsync("section=sport&status=review")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("section=culture")]
    [InlineData("byline=nobody")]
    [InlineData("status=archived")]
    public async Task Unknown_filter_values_list_no_items(string query)
    {
        var page = await mix.Admin.GetAsync("/admin/content?" + query);
        page.Status.ShouldBe(HttpStatusCode.OK);
        Total(page.Body).ShouldBe(0);
        page.Body.ShouldContain("No items match these filters.");
    }

    [Fact]
    public async Task Filters_survive_paging()
    {
        var politics = LiveTitles(i => ContentListMix.Section(i) == "politics").ToList();
        politics.Count.ShouldBe(22);
        var first = await mix.Admin.GetAsync("/admin/content?section=politics&status=published");
        Total(first.Body).ShouldBe(22);
        Rows(first.Body).Count.ShouldBe(20);
        first.Body.ShouldContain("<option value=\"politics\" selected=\"selected\">Politics</option>");
        var next = NextPattern().Match(first.Body);
        next.Success.ShouldBeTrue();
        var url = WebUtility.HtmlDecode(next.Groups[1].Value);
        url.ShouldBe("/admin/content?status=published&section=politics&page=2");
        var second = await mix.Admin.GetAsync(url);
        Rows(second.Body).Count.ShouldBe(2);
        Rows(first.Body).Concat(Rows(second.Body)).ShouldBe(politics, ignoreOrder: true);
    }

    [Fact]
    public async Task Rows_show_review_schedule_and_unpublished_badges_in_site_time()
    {
        var review = (await mix.Admin.GetAsync("/admin/content?status=review")).Body;
        BadgePattern().Matches(review).Select(m => m.Groups[1].Value).ShouldBe(["In review", "In review"]);

        // Scheduled for 06:30 UTC tomorrow: 12:00 in Kolkata.
        var scheduled = (await mix.Admin.GetAsync("/admin/content?status=scheduled")).Body;
        BadgePattern().Matches(scheduled).Select(m => m.Groups[1].Value).ShouldBe(["Scheduled 2026-11-28 12:00"]);
        BadgePattern().Matches((await mix.Admin.GetAsync("/admin/content?status=unpublished")).Body).Select(m => m.Groups[1].Value).ShouldBe(["Unpublished"]);
        BadgePattern().Matches((await mix.Admin.GetAsync("/admin/content?status=published")).Body).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dashboard_counts_review_and_scheduled_and_links_to_the_filtered_list()
    {
        var dashboard = (await mix.Admin.GetAsync("/admin")).Body;
        foreach (var (title, count, query) in new[] { ("Waiting for review", 2, "status=review"), ("Scheduled", 1, "status=scheduled") })
        {
            var card = Regex.Match(dashboard, $"data-list=\"{title}\">\\s*<h2>{title}</h2>\\s*<div class=\"count\">(\\d+)</div>(.*?)</section>", RegexOptions.Singleline);
            card.Success.ShouldBeTrue(title);
            int.Parse(card.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(count, title);
            card.Groups[2].Value.ShouldContain($"<a href=\"/admin/content?{query}\">See all</a>");
            Total((await mix.Admin.GetAsync("/admin/content?" + query)).Body).ShouldBe(count, title);
        }

        dashboard.ShouldContain("Scheduled 2026-11-28 12:00");
    }

    /// <summary>Every row of every page of the list for <paramref name="query"/>, following the pager.</summary>
    private async Task<List<string>> AllRowsAsync(string query)
    {
        var rows = new List<string>();
        string? url = "/admin/content?" + query;
        while (url is not null)
        {
            var page = await mix.Admin.GetAsync(url);
            page.Status.ShouldBe(HttpStatusCode.OK);
            rows.AddRange(Rows(page.Body));
            var next = NextPattern().Match(page.Body);
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        return rows;
    }

    private static int Total(string body) => int.Parse(TotalPattern().Match(body).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Rows(string body) => TitlePattern().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<span id=\"total\">(\\d+)</span>")]
    private static partial Regex TotalPattern();

    [GeneratedRegex("<td class=\"title\">([^<]*)</td>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<a href=\"([^\"]*)\" rel=\"next\">")]
    private static partial Regex NextPattern();

    [GeneratedRegex("<span class=\"badge badge-[a-z]+\">([^<]*)</span>")]
    private static partial Regex BadgePattern();
}
