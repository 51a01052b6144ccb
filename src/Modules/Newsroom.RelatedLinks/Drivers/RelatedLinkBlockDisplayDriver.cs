using Microsoft.AspNetCore.Http;
using Newsroom.Articles.Drivers;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.DisplayManagement.Shapes;
using Newsroom.RelatedLinks.Models;
using Newsroom.RelatedLinks.Services;
using Newsroom.RelatedLinks.ViewModels;

namespace Newsroom.RelatedLinks.Drivers;

/// <summary>
/// "Read: headline". <see cref="RelatedLinkResolver"/> gives the target's current headline and path
/// (so links survive slug changes); a link to an unpublished target, or to a URL that is not
/// http(s), shows nothing.
/// </summary>
internal sealed class RelatedLinkBlockDisplayDriver(RelatedLinkResolver resolver, IHttpContextAccessor http) : IBodyBlockDisplayDriver
{
    public async Task<Shape?> DisplayAsync(BodyBlock block, BodyDisplayContext context)
    {
        if (block is not RelatedLinkBlock link)
        {
            return null;
        }

        // The target's headline and path are shown (or its absence): publishing it evicts the page.
        if (link.TargetContentItemId is { } target && http.HttpContext is { } request)
        {
            PublicPageContent.For(request).ItemIds.Add(target);
        }

        var resolved = await resolver.ResolveAsync(link);
        return resolved is null
            ? HiddenBlockShape.Instance
            : new RelatedLinkViewModel { Label = resolved.Label, Headline = resolved.Headline, Url = resolved.Href, External = resolved.IsExternal };
    }
}
