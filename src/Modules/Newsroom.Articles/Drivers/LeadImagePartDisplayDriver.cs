using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.DisplayManagement.Drivers;

namespace Newsroom.Articles.Drivers;

/// <summary>The lead image under the byline (Detail) and as a thumbnail (Summary, zone Media).</summary>
public sealed class LeadImagePartDisplayDriver(ArticleQueries queries) : ContentDisplayDriver<LeadImagePart>
{
    public override async Task<IDisplayResult?> DisplayAsync(LeadImagePart part, BuildDisplayContext context)
    {
        if (string.IsNullOrEmpty(part.Src))
        {
            return null;
        }

        var url = await queries.PathAsync(context.ContentItem.ContentItemId);
        return Shape(new LeadImageViewModel
        {
            Src = part.Src,
            Width = part.Width,
            Height = part.Height,
            Alt = part.Alt ?? "",
            Caption = part.Caption,
            Credit = part.Credit,
            Url = url,
        }).Location("Detail", "Header:5").Location("Summary", "Media:1");
    }
}
