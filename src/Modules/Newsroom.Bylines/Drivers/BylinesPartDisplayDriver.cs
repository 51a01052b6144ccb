using Microsoft.AspNetCore.Http;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Models;
using Newsroom.Bylines.Services;
using Newsroom.Bylines.ViewModels;
using Newsroom.DisplayManagement.Drivers;

namespace Newsroom.Bylines.Drivers;

/// <summary>The credit line under the dek (Detail, Header:3) and in lists (Summary, Meta:1).</summary>
public sealed class BylinesPartDisplayDriver(BylineQueries queries, IHttpContextAccessor http) : ContentDisplayDriver<BylinesPart>
{
    public override async Task<IDisplayResult?> DisplayAsync(BylinesPart part, BuildDisplayContext context)
    {
        if (part.BylineIds.Count == 0)
        {
            return null;
        }

        // Only published bylines are credited publicly, in the article's order.
        var found = await queries.PublishedInOrderAsync(part.BylineIds);
        if (found.Count == 0)
        {
            return null;
        }

        var shown = http.HttpContext is { } request ? PublicPageContent.For(request).BylineIds : null;
        var bylines = new List<BylineLinkViewModel>(found.Count);
        foreach (var byline in found)
        {
            // The page shows these names: renaming one evicts it from the output cache.
            shown?.Add(byline.ContentItemId);
            bylines.Add(new BylineLinkViewModel(byline.Name, "/author/" + byline.Slug, null));
        }

        return Shape(new ArticleBylinesViewModel { Bylines = bylines })
            .Location("Detail", "Header:3")
            .Location("Summary", "Meta:1");
    }
}
