using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Workflow.Tests;

public sealed class SqliteLatestVersionFilterTests() : LatestVersionFilterTests(TestDatabase.Sqlite);

public sealed class PostgresLatestVersionFilterTests() : LatestVersionFilterTests(TestDatabase.Postgres);

/// <summary>
/// The section and byline filters of <c>/admin/content</c> match each item's latest version (what the
/// list shows), published or not, through ArticleLatestIndex / ArticleLatestBylineIndex; and the
/// migration step fills those tables for articles that existed before it.
/// </summary>
public abstract partial class LatestVersionFilterTests(string provider)
{
    [Fact]
    public async Task A_never_published_draft_is_found_by_its_section_and_byline()
    {
        await using var site = await StartAsync();
        var jane = await site.CreateBylineAsync("Jane Doe", "jane-doe");
        await site.CreateFiledArticleAsync("Draft in world", "world", [jane], published: false);
        await site.CreateFiledArticleAsync("Live in politics", "politics", [jane], published: true);
        var admin = await site.SignedInAsync(WorkflowSite.Admin);

        (await RowsAsync(admin, "section=world")).ShouldBe(["Draft in world"]);
        (await RowsAsync(admin, "byline=jane-doe")).ShouldBe(["Draft in world", "Live in politics"], ignoreOrder: true);
        (await RowsAsync(admin, "section=world&byline=jane-doe")).ShouldBe(["Draft in world"]);
    }

    [Fact]
    public async Task A_pending_draft_that_moves_section_and_byline_is_listed_under_the_new_ones_until_discarded()
    {
        await using var site = await StartAsync();
        var jane = await site.CreateBylineAsync("Jane Doe", "jane-doe");
        var raj = await site.CreateBylineAsync("Raj Patel", "raj-patel");
        var id = await site.CreateFiledArticleAsync("Moving story", "politics", [jane], published: true);
        var admin = await site.SignedInAsync(WorkflowSite.Admin);

        await using (var scope = site.Site.CreateShellScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var item = await contents.GetAsync(id, VersionOptions.Latest) ?? throw new InvalidOperationException(id);
            item.Alter<ArticlePart>(a => a.Section = "world");
            item.Alter<BylinesPart>(b => b.BylineIds = [raj]);
            await contents.SaveDraftAsync(item);
        }

        (await RowsAsync(admin, "section=world")).ShouldBe(["Moving story"]);
        (await RowsAsync(admin, "section=politics")).ShouldBeEmpty();
        (await RowsAsync(admin, "byline=raj-patel")).ShouldBe(["Moving story"]);
        (await RowsAsync(admin, "byline=jane-doe")).ShouldBeEmpty();

        // Discarding the draft makes the published version the latest again: back under politics and Jane.
        await using (var scope = site.Site.CreateShellScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var item = await contents.GetAsync(id, VersionOptions.Latest) ?? throw new InvalidOperationException(id);
            await contents.DiscardDraftAsync(item);
        }

        (await RowsAsync(admin, "section=politics")).ShouldBe(["Moving story"]);
        (await RowsAsync(admin, "section=world")).ShouldBeEmpty();
        (await RowsAsync(admin, "byline=jane-doe")).ShouldBe(["Moving story"]);
        (await RowsAsync(admin, "byline=raj-patel")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_byline_filter_offers_the_published_bylines_as_they_are_published_and_withdrawn()
    {
        await using var site = await StartAsync();
        var jane = await site.CreateBylineAsync("Jane Doe", "jane-doe");
        var admin = await site.SignedInAsync(WorkflowSite.Admin);
        async Task<string> ListAsync()
        {
            var page = await admin.GetAsync("/admin/content");
            page.Status.ShouldBe(HttpStatusCode.OK);
            return page.Body;
        }

        (await ListAsync()).ShouldContain("<option value=\"jane-doe\">Jane Doe</option>");
        (await ListAsync()).ShouldNotContain("raj-patel");

        await site.CreateBylineAsync("Raj Patel", "raj-patel");
        (await ListAsync()).ShouldContain("<option value=\"raj-patel\">Raj Patel</option>", customMessage: "a byline published since the last page");

        await using (var scope = site.Site.CreateShellScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await contents.UnpublishAsync(await contents.GetAsync(jane, VersionOptions.Published) ?? throw new InvalidOperationException(jane));
        }

        var html = await ListAsync();
        html.ShouldNotContain("jane-doe", customMessage: "an unpublished byline is no longer offered");
        html.ShouldContain("<option value=\"raj-patel\">Raj Patel</option>");
    }

    [Fact]
    public async Task Removing_an_article_removes_its_rows_and_restoring_it_brings_them_back()
    {
        await using var site = await StartAsync();
        var jane = await site.CreateBylineAsync("Jane Doe", "jane-doe");
        var draft = await site.CreateFiledArticleAsync("Doomed draft", "world", [jane], published: false);
        var live = await site.CreateFiledArticleAsync("Doomed live", "world", [jane], published: true);

        foreach (var id in new[] { draft, live })
        {
            await using var scope = site.Site.CreateShellScope();
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await contents.RemoveAsync(await contents.GetAsync(id, VersionOptions.Latest) ?? throw new InvalidOperationException(id));
        }

        (await RowCountsAsync(site, draft)).ShouldBe((0, 0));
        (await RowCountsAsync(site, live)).ShouldBe((0, 0));

        await using (var scope = site.Site.CreateShellScope())
        {
            await scope.ServiceProvider.GetRequiredService<IContentManager>().RestoreAsync(draft);
        }

        (await RowCountsAsync(site, draft)).ShouldBe((1, 1));
        var admin = await site.SignedInAsync(WorkflowSite.Admin);
        (await RowsAsync(admin, "section=world")).ShouldBe(["Doomed draft"]);
        (await RowsAsync(admin, "byline=jane-doe")).ShouldBe(["Doomed draft"]);
    }

    [Fact]
    public async Task The_migration_step_backfills_the_rows_of_articles_made_before_it()
    {
        // The "newsroom" recipe imports 19 articles in five sections, each with bylines.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new NewsroomSite(database, "newsroom", WorkflowSite.Settings, new FakeTimeProvider(WorkflowSite.Start));
        var expected = await SnapshotAsync(site);
        expected.Sections.Count.ShouldBe(19);
        expected.Sections.Values.GroupBy(s => s).ToDictionary(g => g.Key ?? "", g => g.Count())
            .ShouldBe(new Dictionary<string, int> { ["business"] = 3, ["india"] = 4, ["sports"] = 3, ["technology"] = 3, ["world"] = 6 }, ignoreOrder: true);
        expected.Credits.ShouldNotBeEmpty();

        // Back to a database from before the tables were filled: empty tables, migrations at step 2.
        await using (var scope = site.CreateShellScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            await db.Set<ArticleLatestIndex>().ExecuteDeleteAsync();
            await db.Set<ArticleLatestBylineIndex>().ExecuteDeleteAsync();
            string[] ids = [typeof(Articles.Migrations).FullName!, typeof(Bylines.Migrations).FullName!];
            (await db.DataMigrations.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Version, 2))).ShouldBe(2);
        }

        (await SnapshotAsync(site)).Sections.ShouldBeEmpty();

        await using (var scope = site.CreateShellScope())
        {
            await scope.ServiceProvider.GetRequiredService<DataMigrationRunner>()
                .RunAsync([typeof(Articles.Migrations).Assembly, typeof(Bylines.Migrations).Assembly], CancellationToken.None);
        }

        var backfilled = await SnapshotAsync(site);
        backfilled.Sections.ShouldBe(expected.Sections, ignoreOrder: true);
        backfilled.Credits.ShouldBe(expected.Credits, ignoreOrder: true);

        var admin = new SiteClient(site);
        (await admin.SignInAsync(WorkflowSite.Admin, WorkflowSite.Password)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await RowsAsync(admin, "section=world")).Count.ShouldBe(6);
    }

    private async Task<WorkflowSite> StartAsync()
    {
        var site = await WorkflowSite.StartAsync(provider, withUsers: false);
        await using var scope = site.Site.CreateShellScope();
        var documents = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var settings = await documents.GetForUpdateAsync<SiteSettings>();
        settings.Sections = [new() { Slug = "politics", Name = "Politics" }, new() { Slug = "world", Name = "World" }];
        await documents.SaveAsync(settings);
        return site;
    }

    private static async Task<(int Sections, int Credits)> RowCountsAsync(WorkflowSite site, string id)
    {
        await using var scope = site.Site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return (await db.Set<ArticleLatestIndex>().CountAsync(a => a.ContentItemId == id),
            await db.Set<ArticleLatestBylineIndex>().CountAsync(a => a.ArticleId == id));
    }

    private static async Task<(Dictionary<string, string?> Sections, List<string> Credits)> SnapshotAsync(NewsroomSite site)
    {
        await using var scope = site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var sections = await db.Set<ArticleLatestIndex>().AsNoTracking().ToDictionaryAsync(a => a.ContentItemId, a => a.Section);
        var credits = await db.Set<ArticleLatestBylineIndex>().AsNoTracking().Select(a => a.ArticleId + " " + a.BylineId).ToListAsync();
        return (sections, credits);
    }

    /// <summary>Every row title of every page of the list for <paramref name="query"/>, following the pager.</summary>
    private static async Task<List<string>> RowsAsync(SiteClient admin, string query)
    {
        var rows = new List<string>();
        string? url = "/admin/content?" + query;
        while (url is not null)
        {
            var page = await admin.GetAsync(url);
            page.Status.ShouldBe(HttpStatusCode.OK);
            rows.AddRange(TitlePattern().Matches(page.Body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            var next = NextPattern().Match(page.Body);
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        return rows;
    }

    [GeneratedRegex("<td class=\"title\">([^<]*)</td>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<a href=\"([^\"]*)\" rel=\"next\">")]
    private static partial Regex NextPattern();
}
