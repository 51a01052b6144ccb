using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Caching;
using Newsroom.Data;
using Newsroom.Testing;

namespace Newsroom.Web.Tests;

/// <summary>
/// The published cache (reads of published content shared between requests) on two nodes of one
/// database, with the output cache off so every answer is rendered: a change shows at once on the node
/// that made it, within the recheck interval on the other, and a draft or a rolled-back write never.
/// </summary>
public sealed class PublishedCacheTests
{
    private const string SeedArticleId = "04193ec5e9e682f0ddff909313cf75c1";
    private const string SeedHeadline = "Nagorno-Karabakh conflict: Putin, Armenian PM discuss worsening situation";

    private static readonly Dictionary<string, string?> s_noOutputCache = new() { ["Newsroom:OutputCache:Enabled"] = "false" };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_change_shows_at_once_on_its_node_and_within_the_recheck_interval_on_another(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var nodeA = new NewsroomSite(database, settings: s_noOutputCache, clock: new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var clientA = nodeA.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await clientA.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldContain(SeedHeadline); // node A sets the site up
        await using var nodeB = new NewsroomSite(database, settings: s_noOutputCache, clock: new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var clientB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await clientB.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldContain(SeedHeadline);
        (await clientB.GetStringAsync("/")).ShouldNotContain("Zqx9");

        await PublishHeadlineAsync(nodeA, "Zqx9 Talks resume in Moscow");
        var newArticleId = await PublishNewArticleAsync(nodeA, "Zqx9 A brand new story");

        (await clientA.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldContain("Zqx9 Talks resume in Moscow", customMessage: "the node that published shows it at once");
        (await clientA.GetStringAsync("/")).ShouldContain("Zqx9 A brand new story");

        // Node B has not looked at the stamp since: it still answers from what it read.
        (await clientB.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldContain(SeedHeadline);
        nodeB.Clock!.Advance(PublishedCacheSettings.RecheckInterval);
        (await clientB.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldContain("Zqx9 Talks resume in Moscow");
        (await clientB.GetStringAsync("/")).ShouldContain("Zqx9 A brand new story");

        // Taking an article down reaches the other node the same way.
        await using (var scope = nodeA.CreateShellScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await content.UnpublishAsync((await content.GetAsync(newArticleId, VersionOptions.Latest))!);
        }

        nodeB.Clock.Advance(PublishedCacheSettings.RecheckInterval);
        using var gone = await clientB.GetAsync("/world/zqx9-a-brand-new-story");
        gone.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await clientB.GetStringAsync("/")).ShouldNotContain("Zqx9 A brand new story");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_write_sees_its_own_changes_and_a_rolled_back_one_is_never_served(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new NewsroomSite(database, settings: s_noOutputCache);
        using var client = site.CreateClient();
        (await client.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldContain(SeedHeadline); // cached now

        await using (var scope = site.CreateShellScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await Should.ThrowAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
            {
                var item = (await content.GetAsync(SeedArticleId, VersionOptions.Latest))!;
                item.Alter<ArticlePart>(a => a.Headline = "Zqx9 Rolled back");
                await content.PublishAsync(item);

                // Inside the write the published read is the database's, not the cache's.
                (await content.GetAsync(SeedArticleId))!.As<ArticlePart>().Headline.ShouldBe("Zqx9 Rolled back");
                (await client.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldNotContain("Zqx9", customMessage: "a reader never sees an uncommitted write");
                throw new InvalidOperationException("abandon the write");
            }));
        }

        (await client.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldContain(SeedHeadline);
        (await client.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldNotContain("Zqx9");

        // A draft of the article changes no public read either.
        await using (var scope = site.CreateShellScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var item = (await content.GetAsync(SeedArticleId, VersionOptions.Latest))!;
            item.Alter<ArticlePart>(a => a.Headline = "Zqx9 Only a draft");
            await content.SaveDraftAsync(item);
        }

        (await client.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldNotContain("Zqx9");
        (await client.GetStringAsync("/")).ShouldNotContain("Zqx9");
    }

    private static async Task PublishHeadlineAsync(NewsroomSite site, string headline)
    {
        await using var scope = site.CreateShellScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = (await content.GetAsync(SeedArticleId, VersionOptions.Latest))!;
        item.Alter<ArticlePart>(a => a.Headline = headline);
        await content.PublishAsync(item);
    }

    private static async Task<string> PublishNewArticleAsync(NewsroomSite site, string headline)
    {
        await using var scope = site.CreateShellScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await content.NewAsync("Article");
        item.DisplayText = headline;
        item.Alter<ArticlePart>(a =>
        {
            a.Headline = headline;
            a.Slug = "zqx9-a-brand-new-story";
            a.Section = "world";
        });
        item.Alter<BodyPart>(b => b.Blocks = [new ParagraphBlock { Html = "A first paragraph." }]);
        await content.CreateAsync(item, VersionOptions.Published);
        return item.ContentItemId;
    }
}
