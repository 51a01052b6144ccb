using Newsroom.Articles.Models;
using Newsroom.Articles.ViewModels;
using Newsroom.DisplayManagement.Drivers;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.Drivers;

/// <summary>
/// The body in the Detail view: layout filters (automatic ads) arrange the blocks, then the first
/// block driver that answers turns each block into a shape.
/// </summary>
public sealed class BodyPartDisplayDriver(IEnumerable<IBodyBlockDisplayDriver> blockDrivers, IEnumerable<IBodyLayoutFilter> filters)
    : ContentDisplayDriver<BodyPart>
{
    // The body only shows in Detail (its one location below).
    protected override bool DisplaysIn(string displayType) => string.Equals(displayType, DisplayTypes.Detail, StringComparison.OrdinalIgnoreCase);

    public override IDisplayResult? Display(BodyPart part, BuildDisplayContext context) =>
        Shape(async () =>
        {
            var body = new BodyDisplayContext(context.ContentItem, context.ContentItem.Peek<ArticlePart>() ?? new ArticlePart(), context.Services);
            IReadOnlyList<BodyBlock> blocks = part.Blocks;
            foreach (var filter in filters)
            {
                blocks = await filter.ArrangeAsync(blocks, body);
            }

            var shapes = new List<Shape>();
            foreach (var block in blocks)
            {
                foreach (var driver in blockDrivers)
                {
                    if (await driver.DisplayAsync(block, body) is { } shape)
                    {
                        if (shape is not HiddenBlockShape)
                        {
                            shape.Metadata.DisplayType = context.DisplayType;
                            shapes.Add(shape);
                        }

                        break;
                    }
                }
            }

            return new ArticleBodyViewModel { Blocks = shapes };
        }).Location("Detail", "Content:1");
}
