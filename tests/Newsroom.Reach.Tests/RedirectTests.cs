using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Reach.Tests.Support;
using Newsroom.Redirects.Services;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Reach.Tests;

public sealed class RedirectTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_former_path_answers_301_to_the_current_one_and_an_unpublished_article_410(string provider)
    {
        await using var site = await ReachSite.StartAsync(provider);
        var article = await site.CreateArticleAsync("Old headline for the river story", section: "india");
        await site.ChangeAsync(article.ContentItemId, i => i.Alter<ArticlePart>(a => a.Slug = "river-story-updated"));
        await site.ChangeAsync(article.ContentItemId, i => i.Alter<ArticlePart>(a => a.Section = "world"));

        // Both former paths go straight to the current one, with the query string kept.
        foreach (var former in new[] { "/india/old-headline-for-the-river-story", "/india/river-story-updated" })
        {
            using var moved = await site.Client.GetAsync(former + "?utm_source=x");
            moved.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently, former);
            moved.Headers.Location!.OriginalString.ShouldBe("/world/river-story-updated?utm_source=x");
        }

        // The current path is the theme's to serve: the redirect module leaves it alone.
        using (var current = await site.Client.GetAsync("/world/river-story-updated"))
        {
            current.StatusCode.ShouldNotBe(HttpStatusCode.MovedPermanently);
            current.StatusCode.ShouldNotBe(HttpStatusCode.Gone);
        }

        await site.UnpublishAsync(article.ContentItemId);
        (await site.Client.GetAsync("/world/river-story-updated")).StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await site.Client.GetAsync("/india/river-story-updated")).StatusCode.ShouldBe(HttpStatusCode.Gone);

        // Published again: the current path is served again, the old ones redirect again.
        await site.ChangeAsync(article.ContentItemId, _ => { });
        (await site.Client.GetAsync("/india/river-story-updated")).StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);

        // Deleted: gone.
        await site.RemoveAsync(article.ContentItemId);
        (await site.Client.GetAsync("/world/river-story-updated")).StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_never_published_article_is_404_not_410()
    {
        await using var site = await ReachSite.StartAsync();
        await site.CreateArticleAsync("Never seen story", publish: false);
        (await site.Client.GetAsync("/world/never-seen-story")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Manual_redirects_apply_where_nothing_else_answers_and_refuse_open_redirects()
    {
        await using var site = await ReachSite.StartAsync();
        await using (var scope = site.Site.CreateShellScope())
        {
            var redirects = scope.ServiceProvider.GetRequiredService<IRedirectService>();
            await redirects.SetAsync("/elections-2024", "/tag/elections");
            await redirects.SetAsync("/old-sponsor", "https://sponsor.example/page", permanent: false);
            await Should.ThrowAsync<ArgumentException>(() => redirects.SetAsync("/evil", "//evil.example/x"));
            await Should.ThrowAsync<ArgumentException>(() => redirects.SetAsync("/evil", "/\\evil.example"));
            await Should.ThrowAsync<ArgumentException>(() => redirects.SetAsync("//evil", "/x"));
            await Should.ThrowAsync<ArgumentException>(() => redirects.SetAsync("/x", "javascript:alert(1)"));
            (await redirects.ListAsync()).Select(r => r.Path).ShouldBe(["/elections-2024", "/old-sponsor"]);
        }

        using (var permanent = await site.Client.GetAsync("/elections-2024/"))
        {
            permanent.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
            permanent.Headers.Location!.OriginalString.ShouldBe("/tag/elections");
        }

        using (var temporary = await site.Client.GetAsync("/old-sponsor"))
        {
            temporary.StatusCode.ShouldBe(HttpStatusCode.Found);
            temporary.Headers.Location!.OriginalString.ShouldBe("https://sponsor.example/page");
        }

        // A path served by an endpoint is not taken over by a manual redirect.
        await using (var scope = site.Site.CreateShellScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRedirectService>().SetAsync("/robots.txt", "/elsewhere");
        }

        (await site.Client.GetAsync("/robots.txt")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = site.Site.CreateShellScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IRedirectService>().RemoveAsync("/elections-2024")).ShouldBeTrue();
        }

        (await site.Client.GetAsync("/elections-2024")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
