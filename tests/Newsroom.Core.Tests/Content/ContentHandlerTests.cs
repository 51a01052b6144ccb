using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.ContentManagement;
using Newsroom.Core.Tests.Infrastructure;
using Newsroom.Core.Tests.Probe;
using Newsroom.Data;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Content;

/// <summary>
/// A handler that throws aborts the whole write: the version rows and the index rows the handlers
/// wrote in the same transaction are rolled back, and the handler's own exception reaches the caller.
/// </summary>
public sealed class ContentHandlerTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_throwing_handler_aborts_the_write_and_its_index_rows(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await site.SetFeaturesAsync(enable: [ProbeModule.Id]);

        // A normal write is indexed by the probe handler: it is really running.
        var item = await site.CreateAsync(TestSite.Note, "calm", VersionOptions.Published);
        (await ProbeRowsAsync(site, item.ContentItemId)).ShouldBe(["created", "published"]);
        var before = await site.TableCountsAsync();
        var rowsBefore = await site.RowsAsync(item.ContentItemId);

        // Create: the handler throws after the version and its index row were written.
        var ex = await Should.ThrowAsync<ProbeExplodedException>(() => site.CreateAsync(TestSite.Note, ProbeHandler.ExplodeOnCreate));
        ex.Message.ShouldContain("while created");
        (await site.TableCountsAsync()).ShouldBe(before);

        // Update of a published item (would create a draft version).
        await Should.ThrowAsync<ProbeExplodedException>(() => site.WithContentAsync(async c =>
        {
            var latest = (await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.DisplayText = ProbeHandler.ExplodeOnUpdate;
            await c.SaveDraftAsync(latest);
        }));
        (await site.TableCountsAsync()).ShouldBe(before);

        // Publish of an edit: the old published version must still be the published one.
        await Should.ThrowAsync<ProbeExplodedException>(() => site.WithContentAsync(async c =>
        {
            var latest = (await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.DisplayText = ProbeHandler.ExplodeOnPublish;
            await c.PublishAsync(latest);
        }));
        (await site.TableCountsAsync()).ShouldBe(before);

        var rowsAfter = await site.RowsAsync(item.ContentItemId);
        ContentLifecycleTests.Flags(rowsAfter).ShouldBe(ContentLifecycleTests.Flags(rowsBefore));
        rowsAfter.Select(r => (r.ContentItemVersionId, r.ConcurrencyStamp, r.DisplayText, r.Data))
            .ShouldBe(rowsBefore.Select(r => (r.ContentItemVersionId, r.ConcurrencyStamp, r.DisplayText, r.Data)));
        (await ProbeRowsAsync(site, item.ContentItemId)).ShouldBe(["created", "published"]);

        // The same scope can carry on after a failed write: nothing half-done is left tracked.
        await site.WithContentAsync(async c =>
        {
            var latest = (await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.DisplayText = ProbeHandler.ExplodeOnPublish;
            await Should.ThrowAsync<ProbeExplodedException>(() => c.PublishAsync(latest));
            var fresh = (await c.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            fresh.DisplayText = "calm again";
            await c.PublishAsync(fresh);
        });
        ContentLifecycleTests.Flags(await site.RowsAsync(item.ContentItemId)).ShouldBe(["1:-", "2:LP"]);
    }

    private static Task<List<string>> ProbeRowsAsync(TestSite site, string contentItemId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Set<ProbeIndex>()
            .Where(p => p.ContentItemId == contentItemId).OrderBy(p => p.Id).Select(p => p.Event).ToListAsync());
}
