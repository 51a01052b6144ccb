using Newsroom.Articles.Drivers;
using Newsroom.Articles.Models;
using Newsroom.RelatedLinks.Models;
using Newsroom.RelatedLinks.Services;

namespace Newsroom.RelatedLinks.Drivers;

/// <summary>
/// Resolves every related link of the body in one query before the blocks are displayed one by one
/// (the block driver then reads what the resolver kept): otherwise each "Read:" link costs a query.
/// Leaves the blocks as they are.
/// </summary>
internal sealed class RelatedLinkPrefetch(RelatedLinkResolver resolver) : IBodyLayoutFilter
{
    public async Task<IReadOnlyList<BodyBlock>> ArrangeAsync(IReadOnlyList<BodyBlock> blocks, BodyDisplayContext context)
    {
        var links = blocks.OfType<RelatedLinkBlock>().ToList();
        if (links.Count > 1)
        {
            await resolver.ResolveAsync(links);
        }

        return blocks;
    }
}
