using Microsoft.Extensions.DependencyInjection;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Records;
using Newsroom.Core.Tests.Infrastructure;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Content;

/// <summary>Every lifecycle step, with the version rows read back from the ContentItems table after each.</summary>
public sealed class ContentLifecycleTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_publish_edit_publish_unpublish_restore_version(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);

        // Create: one draft version.
        var item = await site.CreateAsync(TestSite.Note, "first");
        Flags(await site.RowsAsync(item.ContentItemId)).ShouldBe(["1:LD"]);

        // Publish: the same version, now published.
        await site.WithContentAsync(c => c.PublishAsync(item));
        Flags(await site.RowsAsync(item.ContentItemId)).ShouldBe(["1:LP"]);

        // Edit: a draft version is created; the published one keeps its content.
        var edited = await site.WithContentAsync(async c =>
        {
            var latest = (await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.Alter<StoryPart>(p => p.Body = "second");
            latest.DisplayText = "second";
            await c.SaveDraftAsync(latest);
            return latest;
        });
        var rows = await site.RowsAsync(item.ContentItemId);
        Flags(rows).ShouldBe(["1:P", "2:LD"]);
        Body(rows[0]).ShouldBe("first");
        Body(rows[1]).ShouldBe("second");
        (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Published)))!.As<StoryPart>().Body.ShouldBe("first");
        (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Draft)))!.As<StoryPart>().Body.ShouldBe("second");

        // Publish again: the old version is archived (neither latest nor published).
        await site.WithContentAsync(c => c.PublishAsync(edited));
        rows = await site.RowsAsync(item.ContentItemId);
        Flags(rows).ShouldBe(["1:-", "2:LP"]);
        rows[1].PublishedUtc.ShouldNotBeNull();

        // Unpublish: nothing is published; the latest stays, as a draft.
        await site.WithContentAsync(c => c.UnpublishAsync(edited));
        Flags(await site.RowsAsync(item.ContentItemId)).ShouldBe(["1:-", "2:LD"]);
        (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Published))).ShouldBeNull();

        // Restore version 1 as the new draft: a third version with version 1's content.
        var restored = await site.WithContentAsync(async c =>
        {
            var latest = (await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            return await c.RestoreVersionAsync(latest, rows[0].ContentItemVersionId);
        });
        rows = await site.RowsAsync(item.ContentItemId);
        Flags(rows).ShouldBe(["1:-", "2:-", "3:LD"]);
        Body(rows[2]).ShouldBe("first");
        rows[2].DisplayText.ShouldBe("first");
        restored.Number.ShouldBe(3);
        restored.ConcurrencyStamp.ShouldBe(rows[2].ConcurrencyStamp);

        // List versions: all three, oldest first, as stored.
        var versions = await site.WithContentAsync(c => c.ListVersionsAsync(item.ContentItemId));
        versions.Select(v => v.ContentItemVersionId).ShouldBe(rows.Select(r => r.ContentItemVersionId));
        versions.Select(v => v.Number).ShouldBe([1, 2, 3]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Discard_draft_returns_to_the_published_version(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var item = await site.CreateAsync(TestSite.Note, "published text", VersionOptions.Published);
        Flags(await site.RowsAsync(item.ContentItemId)).ShouldBe(["1:LP"]);

        var draft = await site.WithContentAsync(async c =>
        {
            var latest = (await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.Alter<StoryPart>(p => p.Body = "unwanted draft");
            await c.SaveDraftAsync(latest);
            return latest;
        });
        Flags(await site.RowsAsync(item.ContentItemId)).ShouldBe(["1:P", "2:LD"]);

        await site.WithContentAsync(c => c.DiscardDraftAsync(draft));
        var rows = await site.RowsAsync(item.ContentItemId);
        Flags(rows).ShouldBe(["1:LP"]);
        Body(rows[0]).ShouldBe("published text");
        draft.As<StoryPart>().Body.ShouldBe("published text");
        draft.ConcurrencyStamp.ShouldBe(rows[0].ConcurrencyStamp);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Clone_makes_a_new_draft_item_and_leaves_the_original(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var item = await site.CreateAsync(TestSite.Note, "original", VersionOptions.Published);

        var clone = await site.WithContentAsync(async c => await c.CloneAsync((await c.GetAsync(item.ContentItemId))!));

        clone.ContentItemId.ShouldNotBe(item.ContentItemId);
        var cloneRows = await site.RowsAsync(clone.ContentItemId);
        Flags(cloneRows).ShouldBe(["1:LD"]);
        Body(cloneRows[0]).ShouldBe("original");
        Flags(await site.RowsAsync(item.ContentItemId)).ShouldBe(["1:LP"]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Soft_delete_keeps_history_and_restore_brings_the_item_back_as_a_draft(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var item = await site.CreateAsync(TestSite.Note, "to the trash", VersionOptions.Published);

        await site.WithContentAsync(async c => await c.RemoveAsync((await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!));
        var rows = await site.RowsAsync(item.ContentItemId);
        Flags(rows).ShouldBe(["1:LDX"]);
        (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Published))).ShouldBeNull();
        (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Latest))).ShouldBeNull();
        (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.LatestIncludingDeleted)))!.Deleted.ShouldBeTrue();

        await site.WithContentAsync(c => c.RestoreAsync(item.ContentItemId));
        rows = await site.RowsAsync(item.ContentItemId);
        Flags(rows).ShouldBe(["1:LD"]);
        Body(rows[0]).ShouldBe("to the trash");
        (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Latest))).ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_save_is_refused_and_the_first_save_is_kept(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var item = await site.CreateAsync(TestSite.Note, "base");

        await using var scopeA = site.Scope();
        await using var scopeB = site.Scope();
        var contentA = scopeA.ServiceProvider.GetRequiredService<IContentManager>();
        var contentB = scopeB.ServiceProvider.GetRequiredService<IContentManager>();
        var copyA = (await contentA.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
        var copyB = (await contentB.GetAsync(item.ContentItemId, VersionOptions.Latest))!;

        copyA.Alter<StoryPart>(p => p.Body = "A's edit");
        await contentA.SaveDraftAsync(copyA);

        copyB.Alter<StoryPart>(p => p.Body = "B's edit");
        var refused = await Should.ThrowAsync<ContentConcurrencyException>(() => contentB.SaveDraftAsync(copyB));
        refused.ContentItemId.ShouldBe(item.ContentItemId);
        refused.ModifiedBy.ShouldBe(copyA.Author);
        refused.ModifiedBy.ShouldNotBeNullOrEmpty();
        refused.ModifiedUtc.ShouldBe(copyA.ModifiedUtc);
        refused.Message.ShouldContain(refused.ModifiedBy!);

        var rows = await site.RowsAsync(item.ContentItemId);
        Flags(rows).ShouldBe(["1:LD"]);
        Body(rows[0]).ShouldBe("A's edit");
        rows[0].ConcurrencyStamp.ShouldBe(copyA.ConcurrencyStamp);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readers_of_a_cached_published_version_share_its_parts_and_a_new_version_brings_new_ones(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var item = await site.CreateAsync(TestSite.Note, "first", VersionOptions.Published);
        var first = (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Published)))!;
        var second = (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Published)))!;

        // Read once for every request: the same object.
        var shared = first.Peek<StoryPart>(nameof(StoryPart));
        shared.ShouldNotBeNull();
        shared.Body.ShouldBe("first");
        second.Peek<StoryPart>(nameof(StoryPart)).ShouldBeSameAs(shared);

        // What one request changes is its own: As gives a copy, and Peek then answers with that copy.
        first.As<StoryPart>().Body = "changed by one request";
        first.Peek<StoryPart>(nameof(StoryPart))!.Body.ShouldBe("changed by one request");
        second.Peek<StoryPart>(nameof(StoryPart))!.Body.ShouldBe("first");
        shared.Body.ShouldBe("first");

        // A removed part is gone for that item, not answered from the shared ones.
        second.Remove(nameof(StoryPart));
        second.Peek<StoryPart>(nameof(StoryPart)).ShouldBeNull();

        // A new published version is read afresh.
        await site.WithContentAsync(async c =>
        {
            var latest = (await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.Alter<StoryPart>(p => p.Body = "second");
            await c.PublishAsync(latest);
        });
        var after = (await site.WithContentAsync(c => c.GetAsync(item.ContentItemId, VersionOptions.Published)))!;
        after.Peek<StoryPart>(nameof(StoryPart))!.Body.ShouldBe("second");
    }

    /// <summary>"number:flags": L latest, P published, D draft (latest and not published), X deleted, - none.</summary>
    internal static string[] Flags(IEnumerable<ContentItemRecord> rows) =>
        rows.Select(r =>
        {
            var flags = (r.Latest ? "L" : "") + (r.Published ? "P" : "") + (r.Latest && !r.Published ? "D" : "") + (r.Deleted ? "X" : "");
            return $"{r.Number}:{(flags.Length == 0 ? "-" : flags)}";
        }).ToArray();

    internal static string Body(ContentItemRecord row) =>
        System.Text.Json.Nodes.JsonNode.Parse(row.Data)!["StoryPart"]!["Body"]!.GetValue<string>();
}
