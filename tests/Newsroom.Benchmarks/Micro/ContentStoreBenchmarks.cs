using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Benchmarks.Corpus;
using Newsroom.ContentManagement;
using Newsroom.Data;

namespace Newsroom.Benchmarks.Micro;

/// <summary>
/// Reads against a real SQLite corpus of 1,000 articles imported through the site: load a published
/// article by id through the content manager, and look an article up by its public path in ArticleRoutes.
/// Each call opens a shell scope, as a request does.
/// </summary>
[MemoryDiagnoser]
public class ContentStoreBenchmarks
{
    private const int Articles = 1_000;

    private MicroCorpus? _corpus;
    private string[] _ids = [];
    private string[] _paths = [];
    private int _next;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _corpus = await MicroCorpus.CreateAsync(new CorpusOptions { Articles = Articles, Bylines = 50 });
        await using var scope = _corpus.Site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var articles = await db.Set<Newsroom.ContentManagement.Records.ContentItemRecord>().AsNoTracking()
            .Where(r => r.ContentType == "Article" && r.Published)
            .Select(r => new { r.ContentItemId, r.Data })
            .ToListAsync();
        _ids = articles.Select(a => a.ContentItemId).ToArray();

        // Until the Articles module's handlers index routes, the routes are written here so the lookup has a realistic table.
        if (!await db.Set<ArticleRoute>().AnyAsync())
        {
            foreach (var article in articles)
            {
                var item = new ContentItem();
                item.LoadContent(article.Data);
                db.Add(new ArticleRoute { Path = "/" + item.As<ArticlePart>().Slug, ContentItemId = article.ContentItemId, IsCurrent = true, CreatedUtc = DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        _paths = await db.Set<ArticleRoute>().AsNoTracking().Select(r => r.Path).ToArrayAsync();
    }

    [Benchmark(Description = "IContentManager.GetAsync (published) + As<ArticlePart>/As<BodyPart>")]
    public async Task<int> LoadPublishedArticle()
    {
        await using var scope = _corpus!.Site.CreateShellScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await content.GetAsync(_ids[_next++ % _ids.Length], VersionOptions.Published);
        return item!.As<ArticlePart>().Headline.Length + item.As<BodyPart>().Blocks.Count;
    }

    [Benchmark(Description = "ArticleRoutes lookup by path")]
    public async Task<string?> RouteLookup()
    {
        await using var scope = _corpus!.Site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var path = _paths[_next++ % _paths.Length];
        return await db.Set<ArticleRoute>().AsNoTracking().Where(r => r.Path == path && r.IsCurrent).Select(r => r.ContentItemId).FirstOrDefaultAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => _corpus?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
