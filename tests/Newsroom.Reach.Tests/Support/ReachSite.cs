using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Testing;

namespace Newsroom.Reach.Tests.Support;

/// <summary>The site on a fresh database, set up by the <c>reach-test</c> recipe, with helpers to publish content.</summary>
public sealed partial class ReachSite : IAsyncDisposable
{
    private ReachSite(TestDatabase database, NewsroomSite site, HttpClient client)
    {
        Database = database;
        Site = site;
        Client = client;
    }

    public TestDatabase Database { get; }

    public NewsroomSite Site { get; }

    /// <summary>Does not follow redirects, so tests see 301s.</summary>
    public HttpClient Client { get; }

    public const string BaseUrl = "https://herald.example";

    public static async Task<ReachSite> StartAsync(
        string provider = TestDatabase.Sqlite,
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var site = new NewsroomSite(database, "reach-test", settings, clock);
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return new ReachSite(database, site, client);
    }

    public async Task<ContentItem> PublishBylineAsync(string name, string? slug = null)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var byline = await contents.NewAsync("Byline");
        byline.DisplayText = name;
        byline.Alter<BylinePart>(b =>
        {
            b.Name = name;
            b.Slug = slug ?? Slug(name);
        });
        await contents.CreateAsync(byline, VersionOptions.Published);
        return byline;
    }

    /// <summary>Creates an article; published unless <paramref name="publish"/> is false (then a draft).</summary>
    public async Task<ContentItem> CreateArticleAsync(
        string headline,
        string section = "world",
        string? dek = null,
        string? body = null,
        IEnumerable<string>? bylineIds = null,
        IEnumerable<string>? tags = null,
        DateTime? publishedUtc = null,
        string? leadImage = null,
        bool publish = true)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var article = await contents.NewAsync("Article");
        article.DisplayText = headline;
        article.Alter<ArticlePart>(a =>
        {
            a.Headline = headline;
            a.Dek = dek;
            a.Slug = Slug(headline);
            a.Section = section;
            a.Tags = tags?.ToList() ?? [];
            a.PublishedUtc = publishedUtc;
            a.UpdatedUtc = publishedUtc;
        });
        if (leadImage is not null)
        {
            article.Alter<LeadImagePart>(l =>
            {
                l.Src = leadImage;
                l.Width = 1200;
                l.Height = 800;
                l.Alt = "A picture";
                l.Caption = "The caption";
                l.Credit = "Self";
            });
        }

        article.Alter<BylinesPart>(b => b.BylineIds = bylineIds?.ToList() ?? []);
        article.Alter<BodyPart>(b => b.Blocks = [new ParagraphBlock { Html = body ?? "<p>Some body text.</p>" }]);
        await contents.CreateAsync(article, publish ? VersionOptions.Published : VersionOptions.Draft);
        return article;
    }

    /// <summary>Loads the latest version, changes it, and publishes (or saves a draft of) the change.</summary>
    public async Task<ContentItem> ChangeAsync(string contentItemId, Action<ContentItem> change, bool publish = true)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest) ?? throw new InvalidOperationException("no such item");
        change(item);
        if (publish)
        {
            await contents.PublishAsync(item);
        }
        else
        {
            await contents.SaveDraftAsync(item);
        }

        return item;
    }

    public async Task UnpublishAsync(string contentItemId)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest) ?? throw new InvalidOperationException("no such item");
        await contents.UnpublishAsync(item);
    }

    public async Task RemoveAsync(string contentItemId)
    {
        await using var scope = Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest) ?? throw new InvalidOperationException("no such item");
        await contents.RemoveAsync(item);
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }

    public static string Slug(string text) => NonWord().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Site.DisposeAsync();
        await Database.DisposeAsync();
    }
}
