using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Newsroom.RelatedLinks.Models;
using Newsroom.Testing;
using Newsroom.Workflow.Indexes;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

/// <summary>
/// The batch import (<see cref="IContentManager.ImportAsync(IEnumerable{ContentItem}, CancellationToken)"/>)
/// leaves exactly what importing the same items one call at a time leaves: versions, every index
/// table, routes, search rows and audit entries. Two databases, the same items, the same clock.
/// </summary>
public sealed class BatchImportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Batch_import_writes_the_same_rows_as_one_import_per_item(string provider)
    {
        await using var perItemDatabase = await TestDatabase.CreateAsync(provider);
        await using var batchDatabase = await TestDatabase.CreateAsync(provider);
        await using var perItemSite = new NewsroomSite(perItemDatabase, clock: new FakeTimeProvider(ContentSiteFixture.Start));
        await using var batchSite = new NewsroomSite(batchDatabase, clock: new FakeTimeProvider(ContentSiteFixture.Start));

        foreach (var round in Rounds())
        {
            await using (var scope = perItemSite.CreateShellScope())
            {
                var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
                await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().InTransactionAsync(async () =>
                {
                    foreach (var item in round())
                    {
                        await content.ImportAsync(item);
                    }
                });
            }

            await using (var scope = batchSite.CreateShellScope())
            {
                await scope.ServiceProvider.GetRequiredService<IContentManager>().ImportAsync(round());
            }
        }

        var expected = await TablesAsync(perItemSite);
        var actual = await TablesAsync(batchSite);
        expected["ArticleIndex"].Count.ShouldBeGreaterThan(19);
        expected["ArticleSearch"].Count.ShouldBe(expected["ArticleIndex"].Count);
        expected["ArticleLatestIndex"].Count.ShouldBeGreaterThanOrEqualTo(expected["ArticleIndex"].Count);
        foreach (var (table, rows) in expected)
        {
            actual[table].ShouldBe(rows, $"table {table}");
        }
    }

    [Fact]
    public async Task A_failing_item_rolls_the_whole_batch_back_and_keeps_what_the_caller_tracks()
    {
        await using var site = await ImportSite.StartAsync(TestDatabase.Sqlite);
        var db = site.Db;
        var content = site.Content;
        var versions = await db.Set<ContentItemRecord>().CountAsync();
        var items = Rounds()[0]();
        items[^1].As<ArticlePart>().Section = "no-such-section";

        var error = await Should.ThrowAsync<ContentValidationException>(() => content.ImportAsync(items));

        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Section");
        (await db.Set<ContentItemRecord>().CountAsync()).ShouldBe(versions);

        // An entity the caller tracked before a successful batch is still tracked after it.
        var settings = await db.Documents.FirstAsync();
        await content.ImportAsync(Rounds()[0]());
        db.Entry(settings).State.ShouldBe(EntityState.Unchanged);
        (await db.Set<ContentItemRecord>().CountAsync()).ShouldBeGreaterThan(versions);
    }

    /// <summary>
    /// A new item's index rows are written insert-only (not tracked), but each item's are saved before
    /// the next is checked: a slug an earlier item of the same batch took is refused with the field
    /// named, and nothing of the batch is written.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_slug_taken_earlier_in_the_same_batch_is_refused_and_nothing_is_written(string provider)
    {
        await using var site = await ImportSite.StartAsync(provider);
        var db = site.Db;
        var content = site.Content;
        var before = await CountsAsync(db);
        var clash = Standalone(2);
        clash.As<ArticlePart>().Slug = "batch-story-1";

        var error = await Should.ThrowAsync<ContentValidationException>(() => content.ImportAsync([Byline(0), Byline(1), Byline(2), Standalone(1), clash]));

        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Slug" && e.Message.Contains("'batch-story-1' is already used"));
        (await CountsAsync(db)).ShouldBe(before);

        // The context carries on: the same items without the clash import whole.
        await content.ImportAsync([Byline(0), Byline(1), Byline(2), Standalone(1), Standalone(2)]);
        string[] ids = [Id("article", 1), Id("article", 2)];
        (await db.Set<ArticleIndex>().AsNoTracking().Where(a => ids.Contains(a.ContentItemId)).OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync())
            .ShouldBe(["batch-story-1", "batch-story-2"]);
        (await db.Set<ArticleTagIndex>().CountAsync(t => ids.Contains(t.ContentItemId))).ShouldBe(4);
    }

    /// <summary>
    /// The version rows and workflow rows of new items are insert-only too: item 57 of 60 failing
    /// leaves no row of the 57 before it, and the same batch without the fault stores every item as
    /// published, with the publish's values on rows staged when the item was created.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_whose_57th_item_fails_writes_nothing_and_imports_whole_without_it(string provider)
    {
        await using var site = await ImportSite.StartAsync(provider);
        var db = site.Db;
        var content = site.Content;
        await content.ImportAsync([Byline(0), Byline(1), Byline(2)]);
        var before = await CountsAsync(db);
        var searchRows = await SearchRowCountAsync(db);
        var items = Enumerable.Range(0, 60).Select(Standalone).ToList();
        items[57].As<ArticlePart>().Section = "no-such-section";

        var error = await Should.ThrowAsync<ContentValidationException>(() => content.ImportAsync(items));

        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Section");
        (await CountsAsync(db)).ShouldBe(before);
        (await SearchRowCountAsync(db)).ShouldBe(searchRows);

        await content.ImportAsync(Enumerable.Range(0, 60).Select(Standalone).ToList());
        var ids = Enumerable.Range(0, 60).Select(i => Id("article", i)).ToList();
        var versions = await db.Set<ContentItemRecord>().AsNoTracking().Where(r => ids.Contains(r.ContentItemId)).ToListAsync();
        versions.Count.ShouldBe(60);
        versions.ShouldAllBe(r => r.Published && r.Latest && !r.Deleted && r.Number == 1 && r.PublishedUtc != null && r.ConcurrencyStamp != "");
        var workflow = await db.Set<WorkflowIndex>().AsNoTracking().Where(w => ids.Contains(w.ContentItemId)).ToListAsync();
        workflow.Count.ShouldBe(60);
        workflow.ShouldAllBe(w => w.Status == Newsroom.Workflow.Models.EditorialStatus.Published && w.ScheduledPublishUtc == null);
        (await SearchRowCountAsync(db)).ShouldBe(searchRows + 60);
    }

    /// <summary>
    /// A batch reads the owners of its articles' slugs and their paths' routes once; every later check
    /// in it must still see what the batch itself changed: a slug an earlier item gave up is free (and
    /// its old route is taken over), and one an earlier batch holds is refused (named) or, when
    /// generated, gets the id's hash appended.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Slugs_given_up_or_held_are_seen_by_the_later_items_of_a_batch(string provider)
    {
        await using var site = await ImportSite.StartAsync(provider);
        var db = site.Db;
        var content = site.Content;
        await content.ImportAsync([Byline(0), Byline(1), Byline(2), Standalone(1)]);

        // Article 1 moves to a new slug; article 2, later in the same batch, takes the one it left.
        var moved = Standalone(1);
        moved.ContentItemVersionId = Id("warticle", 1);
        moved.As<ArticlePart>().Slug = "moved-story";
        var takesOld = Standalone(2);
        takesOld.As<ArticlePart>().Slug = "batch-story-1";
        await content.ImportAsync([moved, takesOld]);
        (await SlugOfAsync(db, 1)).ShouldBe("moved-story");
        (await SlugOfAsync(db, 2)).ShouldBe("batch-story-1");

        // The path article 1 left is still its old route: the new article takes that row over.
        var routes = await db.Set<ArticleRoute>().AsNoTracking()
            .Where(r => r.Path == "/world/batch-story-1" || r.Path == "/world/moved-story")
            .ToDictionaryAsync(r => r.Path);
        (routes["/world/batch-story-1"].ContentItemId, routes["/world/batch-story-1"].IsCurrent).ShouldBe((Id("article", 2), true));
        (routes["/world/moved-story"].ContentItemId, routes["/world/moved-story"].IsCurrent).ShouldBe((Id("article", 1), true));

        var clash = Standalone(3);
        clash.As<ArticlePart>().Slug = "moved-story";
        var error = await Should.ThrowAsync<ContentValidationException>(() => content.ImportAsync([Standalone(4), clash]));
        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Slug" && e.Message.Contains("'moved-story' is already used"));
        (await db.Set<ArticleIndex>().CountAsync(a => a.ContentItemId == Id("article", 4))).ShouldBe(0);

        var generated = Standalone(5);
        generated.As<ArticlePart>().Slug = "";
        generated.As<ArticlePart>().Headline = "Moved story";
        await content.ImportAsync([generated]);
        var slug = await SlugOfAsync(db, 5);
        slug.ShouldStartWith("moved-story-");
        slug.ShouldNotBe("moved-story");
    }

    private static Task<string> SlugOfAsync(NewsroomDbContext db, int article)
    {
        var id = Id("article", article);
        return db.Set<ArticleIndex>().AsNoTracking().Where(a => a.ContentItemId == id).Select(a => a.Slug).SingleAsync();
    }

    private static Task<long> SearchRowCountAsync(NewsroomDbContext db) =>
        db.Database.SqlQueryRaw<long>("""SELECT COUNT(*) AS "Value" FROM "ArticleSearch" """).SingleAsync();

    /// <summary>
    /// A row staged insert-only is stored exactly as the change tracker stores it (instants converted
    /// to UTC, nulls), and saved with the tracked changes as one unit: a save that fails writes neither.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Insert_only_rows_are_stored_like_tracked_rows_and_fail_with_them(string provider)
    {
        await using var site = await ImportSite.StartAsync(provider);
        var db = site.Db;
        AuditEntry Entry(string action) => new()
        {
            AtUtc = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Local),
            UserName = "tester",
            Action = action,
            ContentItemId = "item",
            DisplayText = "A \u00e9 'quoted' text",
        };

        db.Set<AuditEntry>().Add(Entry("tracked"));
        db.AddInsertOnly(Entry("insert-only"));
        db.HasStagedChanges.ShouldBeTrue();
        await db.SaveChangesAsync();
        db.HasStagedChanges.ShouldBeFalse();

        var rows = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.UserName == "tester").OrderBy(e => e.Action).ToListAsync();
        rows.Select(e => e.Action).ShouldBe(["insert-only", "tracked"]);
        rows[0].AtUtc.ShouldBe(rows[1].AtUtc);
        rows[0].AtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        (rows[0].ContentType, rows[0].Details, rows[0].DisplayText).ShouldBe((rows[1].ContentType, rows[1].Details, rows[1].DisplayText));

        // An insert-only row whose key is taken: the save fails as SaveChanges fails, and writes nothing.
        db.AddInsertOnly(new ArticleLatestIndex { ContentItemId = "taken" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.AddInsertOnly(Entry("insert-only-2"));
        db.Set<AuditEntry>().Add(Entry("tracked-2"));
        db.AddInsertOnly(new ArticleLatestIndex { ContentItemId = "taken", Section = "world" });
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.DiscardStaged();
        (await db.Set<AuditEntry>().CountAsync(e => e.Action.EndsWith("-2"))).ShouldBe(0);
        (await db.Set<ArticleLatestIndex>().AsNoTracking().SingleAsync(a => a.ContentItemId == "taken")).Section.ShouldBeNull();
    }

    private static async Task<Dictionary<string, int>> CountsAsync(NewsroomDbContext db) => new()
    {
        ["ContentItems"] = await db.Set<ContentItemRecord>().CountAsync(),
        ["ArticleIndex"] = await db.Set<ArticleIndex>().CountAsync(),
        ["ArticleTagIndex"] = await db.Set<ArticleTagIndex>().CountAsync(),
        ["ArticleRoutes"] = await db.Set<ArticleRoute>().CountAsync(),
        ["BylineIndex"] = await db.Set<BylineIndex>().CountAsync(),
        ["ArticleBylineIndex"] = await db.Set<ArticleBylineIndex>().CountAsync(),
        ["ArticleLatestIndex"] = await db.Set<ArticleLatestIndex>().CountAsync(),
        ["ArticleLatestBylineIndex"] = await db.Set<ArticleLatestBylineIndex>().CountAsync(),
        ["WorkflowIndex"] = await db.Set<WorkflowIndex>().CountAsync(),
        ["AuditEntries"] = await db.Set<AuditEntry>().CountAsync(),
    };

    /// <summary>
    /// Inside one transaction the content manager answers a reference it has checked before without
    /// asking again (a batch import checks the same bylines for every article). The answer must follow
    /// the writes made since: a byline created, renamed or deleted later in the same transaction.
    /// </summary>
    [Fact]
    public async Task References_checked_in_a_transaction_follow_the_writes_made_in_it()
    {
        await using var site = await ImportSite.StartAsync(TestDatabase.Sqlite);
        var db = site.Db;
        var content = site.Content;

        await db.InTransactionAsync(async () =>
        {
            // Checked while the byline does not exist: refused.
            var early = await Should.ThrowAsync<ContentValidationException>(() => content.ImportAsync([Article(0, "world")]));
            early.Errors.ShouldContain(e => e.Field == "BylinesPart.BylineIds");

            // Created since, in the same transaction: accepted.
            await content.ImportAsync([Byline(0), Article(0, "world")]);

            // Renamed: the next article's search row carries the new name, not the one read before.
            var renamed = Byline(0);
            renamed.As<BylinePart>().Name = "Renamed Writer";
            await content.ImportAsync(renamed);
            await content.ImportAsync([Standalone(6)]);
            var bylines = await db.Database.SqlQueryRaw<string>(
                    """SELECT "Bylines" AS "Value" FROM "ArticleSearch" WHERE "ContentItemId" = {0}""", Id("article", 6))
                .SingleAsync();
            bylines.ShouldContain("Renamed Writer");

            // Deleted: refused again, naming the byline.
            await content.RemoveAsync((await content.GetAsync(Id("byline", 0), VersionOptions.Latest))!);
            var late = await Should.ThrowAsync<ContentValidationException>(() => content.ImportAsync([Standalone(12)]));
            late.Errors.ShouldContain(e => e.Field == "BylinesPart.BylineIds" && e.Message.Contains(Id("byline", 0)));
        });
    }

    /// <summary>An article crediting byline 0 and linking to no other article.</summary>
    private static ContentItem Standalone(int index)
    {
        var item = Article(index, "world");
        item.As<BodyPart>().Blocks.RemoveAll(b => b is RelatedLinkBlock);
        return item;
    }

    /// <summary>
    /// Round one: bylines, then articles that credit them, link to earlier ones and share headlines
    /// (so generated slugs clash within the batch). Round two: the same items again (unchanged), one
    /// article with a new headline and section (a new version, a new route), and a new article.
    /// Items are built fresh for each database: the import writes metadata onto them.
    /// </summary>
    private static List<Func<List<ContentItem>>> Rounds() =>
    [
        () => [.. Enumerable.Range(0, 3).Select(Byline), .. Enumerable.Range(0, 24).Select(i => Article(i, "world"))],
        () =>
        [
            .. Enumerable.Range(0, 3).Select(Byline),
            .. Enumerable.Range(0, 24).Select(i => i == 5 ? Article(i, "business", "A changed headline") : Article(i, "world")),
            Article(24, "india"),
        ],
    ];

    // The index leads: a generated slug that clashes gets the id's first 8 characters appended.
    private static string Id(string kind, int index) => $"{kind[0]}{index:D7}{kind}".PadRight(32, '0');

    private static ContentItem Byline(int index)
    {
        var item = new ContentItem { ContentItemId = Id("byline", index), ContentItemVersionId = Id("vbyline", index), ContentType = "Byline", Published = true };
        item.Apply(new BylinePart { Name = $"Batch Writer {index}", Links = [new BylineLink { Label = "Site", Url = "https://example.com/" + index }] });
        return item;
    }

    private static ContentItem Article(int index, string section, string? headline = null)
    {
        var published = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(index);
        var item = new ContentItem
        {
            ContentItemId = Id("article", index),
            ContentItemVersionId = Id(headline is null ? "varticle" : "warticle", index),
            ContentType = "Article",
            Published = true,
            PublishedUtc = published,
        };
        item.Apply(new ArticlePart
        {
            // Every third article shares a headline and has no slug: the generated slugs clash.
            Headline = headline ?? (index % 3 == 0 ? "Talks resume in the capital" : $"Batch story number {index}"),
            Slug = index % 3 == 0 ? "" : $"batch-story-{index}",
            Section = section,
            Tags = ["Batch", $"Tag {index % 4}", "batch"],
        });
        item.Apply(new BylinesPart { BylineIds = index % 2 == 0 ? [Id("byline", index % 3)] : [Id("byline", 0), Id("byline", 1)] });
        List<BodyBlock> blocks = [new ParagraphBlock { Html = $"<b>Paragraph</b> of story {index}." }, new SubheadingBlock { Text = "Next" }];
        if (index > 0)
        {
            blocks.Add(new RelatedLinkBlock { TargetContentItemId = Id("article", index - 1) });
        }

        item.Apply(new BodyPart { Blocks = blocks });
        return item;
    }

    private static async Task<Dictionary<string, List<string>>> TablesAsync(NewsroomSite site)
    {
        await using var scope = site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return new Dictionary<string, List<string>>
        {
            // Stamps are random per write; everything else (ids, numbers, flags, instants, JSON) must match.
            ["ContentItems"] = await RowsAsync<ContentItemRecord>(db, "Id", "ConcurrencyStamp"),
            ["ArticleIndex"] = await RowsAsync<ArticleIndex>(db, "Id"),
            ["ArticleTagIndex"] = await RowsAsync<ArticleTagIndex>(db, "Id"),
            ["ArticleRoutes"] = await RowsAsync<ArticleRoute>(db, "Id"),
            ["BylineIndex"] = await RowsAsync<BylineIndex>(db, "Id"),
            ["ArticleBylineIndex"] = await RowsAsync<ArticleBylineIndex>(db, "Id"),
            ["ArticleLatestIndex"] = await RowsAsync<ArticleLatestIndex>(db),
            ["ArticleLatestBylineIndex"] = await RowsAsync<ArticleLatestBylineIndex>(db),
            ["WorkflowIndex"] = await RowsAsync<WorkflowIndex>(db, "Id"),
            ["UpdateLogIndex"] = await RowsAsync<UpdateLogIndex>(db, "Id"),
            ["AuditEntries"] = await RowsAsync<AuditEntry>(db, "Id"),
            ["ArticleSearch"] = (await db.Database.SqlQueryRaw<string>(
                    """SELECT "ContentItemId" || '|' || "Headline" || '|' || "Dek" || '|' || "Body" || '|' || "Bylines" AS "Value" FROM "ArticleSearch" """)
                .ToListAsync()).Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static async Task<List<string>> RowsAsync<T>(NewsroomDbContext db, params string[] ignored) where T : class =>
        (await db.Set<T>().AsNoTracking().ToListAsync())
            .Select(row =>
            {
                var json = JsonSerializer.SerializeToNode(row)!.AsObject();
                foreach (var name in ignored)
                {
                    json.Remove(name);
                }

                return json.ToJsonString();
            })
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A site on a fresh database, and the context and content manager of one shell scope.</summary>
    private sealed class ImportSite : IAsyncDisposable
    {
        private readonly TestDatabase _database;
        private readonly NewsroomSite _site;
        private readonly AsyncServiceScope _scope;

        private ImportSite(TestDatabase database)
        {
            _database = database;
            _site = new NewsroomSite(database);
            _scope = _site.CreateShellScope();
        }

        public NewsroomDbContext Db => _scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();

        public IContentManager Content => _scope.ServiceProvider.GetRequiredService<IContentManager>();

        public static async Task<ImportSite> StartAsync(string provider) => new(await TestDatabase.CreateAsync(provider));

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await _site.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
