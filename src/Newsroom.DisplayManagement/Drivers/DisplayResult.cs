using System.Collections.Concurrent;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Drivers;

/// <summary>What a driver returns: one or more shapes and where each goes per display type.</summary>
public interface IDisplayResult
{
    /// <summary>
    /// Adds the shapes to show for <paramref name="displayType"/>, with zone and position set, to
    /// <paramref name="shapes"/>. A ValueTask filling a list rather than an async stream: most
    /// results are ready-made shapes, and this runs for every driver of every item on every page.
    /// </summary>
    ValueTask BuildAsync(string displayType, ICollection<Shape> shapes);
}

/// <summary>
/// One shape placed by code: <c>Shape(vm).Location("Detail", "Header:2").Location("Summary", "Meta:1")</c>.
/// The shape is only built when its display type is asked for, so a driver can offer expensive
/// detail shapes without slowing down lists.
/// </summary>
public sealed class ShapeResult : IDisplayResult
{
    private readonly Func<Task<Shape?>>? _factory;
    private readonly Shape? _shape;

    // One or two locations per shape in practice, and a result is made for every shape a driver
    // offers on every page: the first two are fields, a list only holds any beyond them.
    private (string DisplayType, string Location) _first;
    private (string DisplayType, string Location) _second;
    private List<(string DisplayType, string Location)>? _more;
    private string? _defaultLocation;

    public ShapeResult(string shapeType, Func<Task<Shape?>> factory)
    {
        ShapeType = shapeType;
        _factory = factory;
    }

    /// <summary>A result for a shape that is already built (cheap to make, so no factory is needed).</summary>
    public ShapeResult(Shape shape)
    {
        ShapeType = shape.Metadata.Type;
        _shape = shape;
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
        if (_first.DisplayType is null || Same(_first.DisplayType, displayType))
        {
            _first = (displayType, location);
        }
        else if (_second.DisplayType is null || Same(_second.DisplayType, displayType))
        {
            _second = (displayType, location);
        }
        else
        {
            _more ??= [];
            var index = _more.FindIndex(l => Same(l.DisplayType, displayType));
            if (index < 0)
            {
                _more.Add((displayType, location));
            }
            else
            {
                _more[index] = (displayType, location);
            }
        }

        return this;
    }

    public string? LocationFor(string displayType)
    {
        if (_first.DisplayType is not null && Same(_first.DisplayType, displayType))
        {
            return _first.Location;
        }

        if (_second.DisplayType is not null && Same(_second.DisplayType, displayType))
        {
            return _second.Location;
        }

        if (_more is not null)
        {
            foreach (var (type, location) in _more)
            {
                if (Same(type, displayType))
                {
                    return location;
                }
            }
        }

        return _defaultLocation;
    }

    public ValueTask BuildAsync(string displayType, ICollection<Shape> shapes)
    {
        var location = LocationFor(displayType);
        if (location is null || location == PlacementLocation.Hidden)
        {
            return ValueTask.CompletedTask;
        }

        if (_shape is not null)
        {
            Add(_shape, displayType, location, shapes);
            return ValueTask.CompletedTask;
        }

        return BuildLaterAsync(displayType, location, shapes);
    }

    private async ValueTask BuildLaterAsync(string displayType, string location, ICollection<Shape> shapes)
    {
        if (await _factory!() is { } shape)
        {
            Add(shape, displayType, location, shapes);
        }
    }

    private static void Add(Shape shape, string displayType, string location, ICollection<Shape> shapes)
    {
        shape.Metadata.DisplayType = displayType;
        var place = PlacementLocation.Parse(location);
        shape.Metadata.Zone = place.Zone;
        shape.Metadata.Position = place.Position;
        shapes.Add(shape);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Several results from one driver.</summary>
public sealed class CombinedResult(IEnumerable<IDisplayResult> results) : IDisplayResult
{
    public IReadOnlyList<IDisplayResult> Results { get; } = results as IReadOnlyList<IDisplayResult> ?? results.ToList();

    public async ValueTask BuildAsync(string displayType, ICollection<Shape> shapes)
    {
        foreach (var result in Results)
        {
            await result.BuildAsync(displayType, shapes);
        }
    }
}

/// <summary>A "Zone:Position" location string.</summary>
public readonly record struct PlacementLocation(string Zone, string? Position)
{
    public const string Hidden = "-";

    // Locations are a few literals in drivers and placement.json, parsed for every shape of every
    // page: each is split once. The bound only guards against a driver that computes them.
    private const int MaxRemembered = 1024;
    private static readonly ConcurrentDictionary<string, PlacementLocation> s_parsed = new(StringComparer.Ordinal);

    public static PlacementLocation Parse(string location)
    {
        if (s_parsed.TryGetValue(location, out var known))
        {
            return known;
        }

        var colon = location.IndexOf(':', StringComparison.Ordinal);
        var parsed = colon < 0
            ? new PlacementLocation(location.Trim(), null)
            : new PlacementLocation(location[..colon].Trim(), location[(colon + 1)..].Trim());
        if (s_parsed.Count < MaxRemembered)
        {
            s_parsed.TryAdd(location, parsed);
        }

        return parsed;
    }
}
