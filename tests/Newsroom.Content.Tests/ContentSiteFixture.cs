using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Newsroom.Testing;
using Xunit;

namespace Newsroom.Content.Tests;

/// <summary>
/// One site on SQLite, set up from the newsroom recipe, shared by the tests of a class. Each test
/// makes its own items (fresh slugs), so the tests do not depend on each other.
/// </summary>
public sealed class ContentSiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;
    private NewsroomSite? _site;

    public NewsroomSite Site => _site ?? throw new InvalidOperationException("The fixture has not started.");

    public FakeTimeProvider Clock { get; } = new(Start);

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        _site = new NewsroomSite(_database, clock: Clock);
        Client = _site.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public AsyncServiceScope Scope() => Site.CreateShellScope();

    /// <summary>Runs <paramref name="work"/> with a content manager in a fresh scope.</summary>
    public async Task<T> WithContentAsync<T>(Func<IContentManager, NewsroomDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<IContentManager>(), scope.ServiceProvider.GetRequiredService<NewsroomDbContext>());
    }

    public Task WithContentAsync(Func<IContentManager, NewsroomDbContext, Task> work) =>
        WithContentAsync(async (content, db) =>
        {
            await work(content, db);
            return true;
        });

    public Task<int> CountVersionsAsync() => WithContentAsync((_, db) => db.Set<ContentItemRecord>().CountAsync());

    /// <summary>A new unsaved article with a unique slug and three paragraphs.</summary>
    public static async Task<ContentItem> NewArticleAsync(IContentManager content, string headline, string? slug = null, string? section = "world", params BodyBlock[] blocks)
    {
        var item = await content.NewAsync("Article");
        item.Alter<ArticlePart>(p =>
        {
            p.Headline = headline;
            p.Slug = slug ?? "test-" + Guid.NewGuid().ToString("N")[..12];
            p.Section = section;
        });
        item.Alter<BodyPart>(b => b.Blocks = blocks.Length > 0
            ? [.. blocks]
            : [new ParagraphBlock { Html = "First." }, new ParagraphBlock { Html = "Second." }, new ParagraphBlock { Html = "Third." }]);
        return item;
    }
}
