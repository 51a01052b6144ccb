using Microsoft.AspNetCore.Http;
using Newsroom.Articles.Indexes;
using Newsroom.DisplayManagement.Services;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.Services;

/// <summary>Summary shapes for list pages: index rows in, published items' Summary displays out.</summary>
public sealed class ArticleSummaries(
    ArticleQueries queries,
    IContentDisplayManager display,
    IEnumerable<ISummaryPrefetcher> prefetchers,
    IHttpContextAccessor http)
{
    public async Task<IReadOnlyList<ContentShape>> BuildAsync(IEnumerable<ArticleIndex> rows)
    {
        var list = rows as IReadOnlyCollection<ArticleIndex> ?? rows.ToList();
        var ids = list.Select(r => r.ContentItemId).ToList();
        await queries.PathsAsync(list); // one query for every link on the page
        var shapes = new List<ContentShape>();
        var shown = http.HttpContext is { } context ? PublicPageContent.For(context) : null;
        var items = await queries.PublishedItemsAsync(ids);
        foreach (var prefetcher in prefetchers)
        {
            await prefetcher.PrefetchAsync(items);
        }

        foreach (var item in items)
        {
            shown?.ItemIds.Add(item.ContentItemId);
            shapes.Add(await display.BuildDisplayAsync(item, DisplayTypes.Summary));
        }

        return shapes;
    }
}
