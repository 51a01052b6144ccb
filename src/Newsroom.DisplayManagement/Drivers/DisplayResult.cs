using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Drivers;

/// <summary>What a driver returns: one or more shapes and where each goes per display type.</summary>
public interface IDisplayResult
{
    /// <summary>The shapes to show for <paramref name="displayType"/>, with zone and position set.</summary>
    IAsyncEnumerable<Shape> BuildAsync(string displayType);
}

/// <summary>
/// One shape placed by code: <c>Shape(vm).Location("Detail", "Header:2").Location("Summary", "Meta:1")</c>.
/// The shape is only built when its display type is asked for, so a driver can offer expensive
/// detail shapes without slowing down lists.
/// </summary>
public sealed class ShapeResult : IDisplayResult
{
    private readonly Func<Task<Shape?>> _factory;
    private readonly Dictionary<string, string> _locations = new(StringComparer.OrdinalIgnoreCase);
    private string? _defaultLocation;

    public ShapeResult(string shapeType, Func<Task<Shape?>> factory)
    {
        ShapeType = shapeType;
        _factory = factory;
    }

    /// <summary>The type of the shape this result builds (used by placement.json).</summary>
    public string ShapeType { get; }

    /// <summary>Where the shape goes in every display type without its own location, e.g. <c>Content:5</c>.</summary>
    public ShapeResult Location(string location)
    {
        _defaultLocation = location;
        return this;
    }

    /// <summary>Where the shape goes for <paramref name="displayType"/>; "-" hides it.</summary>
    public ShapeResult Location(string displayType, string location)
    {
        _locations[displayType] = location;
        return this;
    }

    public string? LocationFor(string displayType) => _locations.TryGetValue(displayType, out var location) ? location : _defaultLocation;

    public async IAsyncEnumerable<Shape> BuildAsync(string displayType)
    {
        var location = LocationFor(displayType);
        if (location is null || location == PlacementLocation.Hidden)
        {
            yield break;
        }

        var shape = await _factory();
        if (shape is null)
        {
            yield break;
        }

        shape.Metadata.DisplayType = displayType;
        var place = PlacementLocation.Parse(location);
        shape.Metadata.Zone = place.Zone;
        shape.Metadata.Position = place.Position;
        yield return shape;
    }
}

/// <summary>Several results from one driver.</summary>
public sealed class CombinedResult(IEnumerable<IDisplayResult> results) : IDisplayResult
{
    public IReadOnlyList<IDisplayResult> Results { get; } = results.ToList();

    public async IAsyncEnumerable<Shape> BuildAsync(string displayType)
    {
        foreach (var result in Results)
        {
            await foreach (var shape in result.BuildAsync(displayType))
            {
                yield return shape;
            }
        }
    }
}

/// <summary>A "Zone:Position" location string.</summary>
public readonly record struct PlacementLocation(string Zone, string? Position)
{
    public const string Hidden = "-";

    public static PlacementLocation Parse(string location)
    {
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new PlacementLocation(location.Trim(), null)
            : new PlacementLocation(location[..colon].Trim(), location[(colon + 1)..].Trim());
    }
}
