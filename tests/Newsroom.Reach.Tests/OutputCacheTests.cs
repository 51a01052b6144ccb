using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.Reach.Tests.Support;
using Shouldly;
using Xunit;

namespace Newsroom.Reach.Tests;

public sealed partial class OutputCacheTests
{
    private sealed record Page(HttpStatusCode Status, string Body, string? Cache, string? ETag, string? CacheControl)
    {
        public string Render => RenderPattern().Match(Body).Groups[1].Value;
    }

    private static async Task<Page> GetAsync(ReachSite site, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        using var response = await site.Client.SendAsync(request);
        return new Page(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("X-Cache", out var cache) ? cache.Single() : null,
            response.Headers.ETag?.ToString(),
            response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_second_request_is_served_from_the_cache_with_etag_and_304_and_a_publish_shows_on_the_very_next_request()
    {
        await using var site = await ReachSite.StartAsync();
        var byline = await site.PublishBylineAsync("Kunal Gaurav");
        var article = await site.CreateArticleAsync("Cached headline one", bylineIds: [byline.ContentItemId]);
        var path = "/test-page/" + article.ContentItemId;

        var first = await GetAsync(site, path);
        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Cache.ShouldBe("MISS");
        first.CacheControl.ShouldBe("public, max-age=60");
        first.ETag.ShouldNotBeNull();

        var second = await GetAsync(site, path);
        second.Cache.ShouldBe("HIT");
        second.Render.ShouldBe(first.Render); // the page did not run again
        second.ETag.ShouldBe(first.ETag);

        var notModified = await GetAsync(site, path, r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.ETag!)));
        notModified.Status.ShouldBe(HttpStatusCode.NotModified);
        notModified.Body.ShouldBeEmpty();

        // Publishing a change: the very next request shows it.
        await site.ChangeAsync(article.ContentItemId, i => i.Alter<ArticlePart>(a => a.Headline = "Cached headline two"));
        var afterPublish = await GetAsync(site, path);
        afterPublish.Body.ShouldContain("Cached headline two");
        afterPublish.Cache.ShouldBe("MISS");
        afterPublish.ETag.ShouldNotBe(first.ETag);
        (await GetAsync(site, path, r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.ETag!)))).Status.ShouldBe(HttpStatusCode.OK);

        // Saving a draft changes nothing public: still cached.
        await site.ChangeAsync(article.ContentItemId, i => i.Alter<ArticlePart>(a => a.Headline = "Draft headline three"), publish: false);
        var afterDraft = await GetAsync(site, path);
        afterDraft.Cache.ShouldBe("HIT");
        afterDraft.Body.ShouldContain("Cached headline two");

        // Renaming the byline evicts every cached page that shows it.
        await site.ChangeAsync(byline.ContentItemId, b => b.Alter<BylinePart>(p => p.Name = "Kunal Gaurav-Singh"));
        var afterRename = await GetAsync(site, path);
        afterRename.Body.ShouldContain("Kunal Gaurav-Singh");

        // Unpublishing: gone from the cache too.
        await site.UnpublishAsync(article.ContentItemId);
        (await GetAsync(site, path)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feeds_are_cached_and_evicted_when_an_article_is_published()
    {
        await using var site = await ReachSite.StartAsync();
        await site.CreateArticleAsync("First feed story");
        (await GetAsync(site, "/feed")).Cache.ShouldBe("MISS");
        var cached = await GetAsync(site, "/feed");
        cached.Cache.ShouldBe("HIT");

        await site.CreateArticleAsync("Second feed story");
        var next = await GetAsync(site, "/feed");
        next.Body.ShouldContain("Second feed story");
        (await GetAsync(site, "/world/feed")).Body.ShouldContain("Second feed story");
    }

    [Fact]
    public async Task Signed_in_requests_previews_and_non_get_requests_are_never_cached()
    {
        await using var site = await ReachSite.StartAsync();
        var article = await site.CreateArticleAsync("Private view story");
        var path = "/test-page/" + article.ContentItemId;

        var withAuth1 = await GetAsync(site, path, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token"));
        var withAuth2 = await GetAsync(site, path, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token"));
        withAuth1.Cache.ShouldBeNull();
        withAuth2.Cache.ShouldBeNull();
        withAuth2.Render.ShouldNotBe(withAuth1.Render);
        withAuth2.CacheControl.ShouldNotBe("public, max-age=60");

        var preview1 = await GetAsync(site, path + "?preview=1");
        var preview2 = await GetAsync(site, path + "?preview=1");
        preview2.Render.ShouldNotBe(preview1.Render);
        preview2.Cache.ShouldBeNull();

        // An anonymous page cached before is not served to a signed-in request either.
        (await GetAsync(site, path)).Cache.ShouldBe("MISS");
        (await GetAsync(site, path, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token"))).Cache.ShouldBeNull();

        using var post = await site.Client.PostAsync(path, new StringContent(""));
        post.Headers.Contains("X-Cache").ShouldBeFalse();
    }

    [Fact]
    public async Task The_setting_turns_output_caching_off()
    {
        await using var site = await ReachSite.StartAsync(settings: new Dictionary<string, string?> { ["Newsroom:OutputCache:Enabled"] = "false" });
        var article = await site.CreateArticleAsync("Uncached story");
        var path = "/test-page/" + article.ContentItemId;
        var first = await GetAsync(site, path);
        var second = await GetAsync(site, path);
        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Cache.ShouldBeNull();
        second.Render.ShouldNotBe(first.Render);
        second.ETag.ShouldBeNull();
    }

    [Fact]
    public async Task The_cdn_purge_webhook_receives_the_changed_paths_after_a_publish()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/purge/");
        listener.Start();
        await using var site = await ReachSite.StartAsync(settings: new Dictionary<string, string?> { ["Newsroom:Cdn:PurgeUrl"] = $"http://127.0.0.1:{port}/purge/" });

        var receive = listener.GetContextAsync();
        var article = await site.CreateArticleAsync("Purge me story", section: "business");
        var completed = await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(60)));
        completed.ShouldBe(receive, "the CDN webhook was not called");
        var context = await receive;
        context.Request.HttpMethod.ShouldBe("POST");
        using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
        context.Response.StatusCode = 200;
        context.Response.Close();

        var paths = body.RootElement.GetProperty("paths").EnumerateArray().Select(p => p.GetString()).ToList();
        paths.ShouldContain("/business/purge-me-story");
        paths.ShouldContain("/");
        paths.ShouldContain("/business");
        paths.ShouldContain("/feed");
        body.RootElement.GetProperty("urls").EnumerateArray().Select(p => p.GetString())
            .ShouldContain("https://herald.example/business/purge-me-story");
        article.ContentItemId.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task With_redis_configured_the_cache_is_shared_through_redis()
    {
        var redis = Environment.GetEnvironmentVariable("NEWSROOM_TEST_REDIS")
            ?? throw new InvalidOperationException("NEWSROOM_TEST_REDIS is not set: run the tests with ./test.sh, which starts Redis.");
        await using var site = await ReachSite.StartAsync(settings: new Dictionary<string, string?> { ["Newsroom:Redis:Configuration"] = redis });
        await using (var scope = site.Site.CreateShellScope())
        {
            scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().GetType().Name.ShouldContain("Redis");
        }

        var article = await site.CreateArticleAsync("Redis cached story " + Guid.NewGuid().ToString("N")[..8]);
        var path = "/test-page/" + article.ContentItemId;
        var first = await GetAsync(site, path);
        var second = await GetAsync(site, path);
        second.Cache.ShouldBe("HIT");
        second.Render.ShouldBe(first.Render);

        await site.ChangeAsync(article.ContentItemId, i => i.Alter<ArticlePart>(a => a.Headline = "Redis headline changed"));
        (await GetAsync(site, path)).Body.ShouldContain("Redis headline changed");
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [GeneratedRegex("data-render=\"([0-9a-f]+)\"")]
    private static partial Regex RenderPattern();
}
