using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.Articles.Drivers;
using Newsroom.Articles.Models;
using Newsroom.Data;

namespace Newsroom.Advertising.Drivers;

/// <summary>
/// Automatic in-article ads: <see cref="AdInsertionPlanner"/> decides where (none when the body has
/// explicit ad-slot blocks, which then show as written), and the section's active in-article slots
/// fill those places in turn, by name. The stored body never changes.
/// </summary>
internal sealed class AutomaticAdsLayoutFilter(AdSlotSelector slots, IDocumentStore documents) : IBodyLayoutFilter
{
    public async Task<IReadOnlyList<BodyBlock>> ArrangeAsync(IReadOnlyList<BodyBlock> blocks, BodyDisplayContext context)
    {
        var settings = AdInsertionSettings.From(await documents.GetAsync<SiteSettings>());
        var positions = AdInsertionPlanner.Plan(blocks, settings);
        if (positions.Count == 0)
        {
            return blocks;
        }

        var available = await slots.SelectAsync(AdPlacement.InArticle, context.Article.Section);
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
                arranged.Add(new AdSlotBlock { SlotId = available[next++ % available.Count].ContentItemId });
            }
        }

        return arranged;
    }
}
