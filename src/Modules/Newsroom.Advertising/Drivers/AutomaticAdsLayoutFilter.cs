using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.Articles.Drivers;
using Newsroom.Articles.Models;

namespace Newsroom.Advertising.Drivers;

/// <summary>Where automatic ads go in a body: block indexes after which an ad is inserted.</summary>
public interface IAdPositionPlanner
{
    IReadOnlyList<int> Plan(IReadOnlyList<BodyBlock> blocks);
}

/// <summary>
/// Explicit ad-slot blocks win: a body that has any is shown as written. Otherwise the planner's
/// positions get the site's in-article slots in turn (by name), skipping the body if none may show.
/// </summary>
internal sealed class AutomaticAdsLayoutFilter(IAdPositionPlanner planner, AdSlotQueries slots) : IBodyLayoutFilter
{
    public async Task<IReadOnlyList<BodyBlock>> ArrangeAsync(IReadOnlyList<BodyBlock> blocks, BodyDisplayContext context)
    {
        if (blocks.Any(b => b is AdSlotBlock))
        {
            return blocks;
        }

        var positions = planner.Plan(blocks);
        if (positions.Count == 0)
        {
            return blocks;
        }

        var available = await slots.InArticleSlotsAsync(context.Article.Section);
        if (available.Count == 0)
        {
            return blocks;
        }

        var after = positions.ToHashSet();
        var arranged = new List<BodyBlock>(blocks.Count + positions.Count);
        var next = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            arranged.Add(blocks[i]);
            if (after.Contains(i))
            {
                arranged.Add(new AdSlotBlock { SlotId = available[next++ % available.Count].Id });
            }
        }

        return arranged;
    }
}
