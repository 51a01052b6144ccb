using Microsoft.AspNetCore.Http;
using Newsroom.ContentManagement;
using Newsroom.DisplayManagement.Drivers;
using Newsroom.DisplayManagement.Placement;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Services;

/// <summary>Builds the shape of a content item for a display type.</summary>
public interface IContentDisplayManager
{
    /// <summary>
    /// Runs every display driver for <paramref name="item"/> and returns its <see cref="ContentShape"/>
    /// with the drivers' shapes grouped by zone and ordered by position.
    /// </summary>
    Task<ContentShape> BuildDisplayAsync(ContentItem item, string displayType = DisplayTypes.Detail);
}

internal sealed class ContentDisplayManager(
    IEnumerable<IContentDisplayDriver> drivers,
    PlacementRules placement,
    IServiceProvider services,
    IHttpContextAccessor httpContextAccessor) : IContentDisplayManager
{
    private readonly IContentDisplayDriver[] _drivers = drivers.ToArray();

    public async Task<ContentShape> BuildDisplayAsync(ContentItem item, string displayType = DisplayTypes.Detail)
    {
        var shape = new ContentShape(item, displayType);
        var context = new BuildDisplayContext(item, displayType, services, httpContextAccessor.HttpContext);
        var built = new List<Shape>();
        foreach (var driver in _drivers)
        {
            var result = await driver.BuildDisplayAsync(context);
            if (result is null)
            {
                continue;
            }

            built.Clear();
            await result.BuildAsync(displayType, built);
            foreach (var partShape in built)
            {
                if (Place(partShape, item.ContentType, displayType))
                {
                    partShape.Metadata.AddSharedAlternates(ShapeAlternates.For(partShape.Metadata.Type, item.ContentType, displayType));
                    shape.Add(partShape);
                }
            }
        }

        return shape;
    }

    /// <summary>Applies the theme's placement.json; false when the theme hides the shape.</summary>
    private bool Place(Shape shape, string contentType, string displayType)
    {
        var location = placement.Find(shape.Metadata.Type, contentType, displayType);
        if (location is null)
        {
            return true;
        }

        if (location == PlacementLocation.Hidden)
        {
            return false;
        }

        var place = PlacementLocation.Parse(location);
        shape.Metadata.Zone = place.Zone;
        shape.Metadata.Position = place.Position ?? shape.Metadata.Position;
        return true;
    }
}
