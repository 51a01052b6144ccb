using Newsroom.Articles.Drivers;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.DisplayManagement.Shapes;
using Newsroom.RelatedLinks.Models;
using Newsroom.RelatedLinks.ViewModels;

namespace Newsroom.RelatedLinks.Drivers;

/// <summary>
/// An internal link shows the target's current headline (unless the block overrides it) and its
/// current path, so it survives slug changes; a target that is not published is not shown.
/// External links must be http(s).
/// </summary>
internal sealed class RelatedLinkBlockDisplayDriver(ArticleQueries queries) : IBodyBlockDisplayDriver
{
    public async Task<Shape?> DisplayAsync(BodyBlock block, BodyDisplayContext context)
    {
        if (block is not RelatedLinkBlock link)
        {
            return null;
        }

        var label = string.IsNullOrWhiteSpace(link.Label) ? RelatedLinkBlock.DefaultLabel : link.Label;
        if (!string.IsNullOrEmpty(link.TargetContentItemId))
        {
            var target = await queries.FindAsync(link.TargetContentItemId);
            var path = target is null ? null : await queries.PathAsync(target.ContentItemId);
            return target is null || path is null
                ? Hidden()
                : new RelatedLinkViewModel { Label = label, Headline = string.IsNullOrWhiteSpace(link.Headline) ? target.Headline : link.Headline, Url = path };
        }

        if (Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return new RelatedLinkViewModel { Label = label, Headline = string.IsNullOrWhiteSpace(link.Headline) ? uri.Host : link.Headline, Url = uri.AbsoluteUri, External = true };
        }

        return Hidden();
    }

    // Handled (so no other driver tries) but nothing to show.
    private static Shape Hidden() => HiddenBlockShape.Instance;
}
