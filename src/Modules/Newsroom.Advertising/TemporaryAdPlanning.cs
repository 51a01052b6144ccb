// TEMPORARY until the content branch lands: it brings Services/AdInsertionPlanner (the real rules,
// with AdInsertionSettings from the site settings). When merging, delete this file and register
//     services.AddScoped<IAdPositionPlanner, AdInsertionPlannerAdapter>();
// where the adapter returns AdInsertionPlanner.Plan(blocks, settings).
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Advertising.Drivers;
using Newsroom.Articles.Models;
using Newsroom.Modules;

namespace Newsroom.Advertising;

// TEMPORARY until the content branch lands
public sealed class TemporaryAdPlanningStartup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IAdPositionPlanner, TemporaryAdPositionPlanner>();
}

// TEMPORARY until the content branch lands: after paragraph 3, then every 4 paragraphs, at most 2,
// never directly before a subheading or a related link, not in bodies under 6 paragraphs.
internal sealed class TemporaryAdPositionPlanner : IAdPositionPlanner
{
    public IReadOnlyList<int> Plan(IReadOnlyList<BodyBlock> blocks)
    {
        var positions = new List<int>();
        if (blocks.Count(b => b is ParagraphBlock) < 6)
        {
            return positions;
        }

        var paragraphs = 0;
        var nextAt = 3;
        for (var i = 0; i < blocks.Count && positions.Count < 2; i++)
        {
            if (blocks[i] is not ParagraphBlock)
            {
                continue;
            }

            paragraphs++;
            var following = i + 1 < blocks.Count ? blocks[i + 1] : null;
            if (paragraphs >= nextAt && following is not null and not SubheadingBlock && following.GetType().Name != "RelatedLinkBlock")
            {
                positions.Add(i);
                nextAt = paragraphs + 4;
            }
        }

        return positions;
    }
}
