using Microsoft.AspNetCore.Http;
using Newsroom.Articles.Indexes;
using Newsroom.DisplayManagement.Services;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.Services;

/// <summary>Summary shapes for list pages: index rows in, published items' Summary displays out.</summary>
public sealed class ArticleSummaries(ArticleQueries queries, IContentDisplayManager display, IHttpContextAccessor http)
{
    public async Task<IReadOnlyList<ContentShape>> BuildAsync(IEnumerable<ArticleIndex> rows)
    {
        var ids = rows.Select(r => r.ContentItemId).ToList();
        await queries.PathsAsync(ids); // one query for every link on the page
        var shapes = new List<ContentShape>();
        var shown = http.HttpContext is { } context ? PublicPageContent.For(context) : null;
        foreach (var item in await queries.PublishedItemsAsync(ids))
        {
            shown?.ItemIds.Add(item.ContentItemId);
            shapes.Add(await display.BuildDisplayAsync(item, DisplayTypes.Summary));
        }

        return shapes;
    }
}
