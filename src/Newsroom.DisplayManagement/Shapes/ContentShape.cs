using System.Collections.Concurrent;
using System.Globalization;
using Newsroom.ContentManagement;

namespace Newsroom.DisplayManagement.Shapes;

/// <summary>
/// The shape of a whole content item: zones (Header, Meta, Content, Footer, ...) filled with the
/// shapes its part drivers returned, each zone ordered by position. Rendered by the first of
/// <c>Content-{Type}.{DisplayType}</c>, <c>Content.{DisplayType}</c>, <c>Content-{Type}</c>, <c>Content</c>.
/// </summary>
public sealed class ContentShape : Shape
{
    private readonly Dictionary<string, List<Shape>> _zones = new(StringComparer.OrdinalIgnoreCase);

    public ContentShape(ContentItem contentItem, string displayType)
        : base("Content")
    {
        ContentItem = contentItem;
        Metadata.DisplayType = displayType;
        Metadata.AddSharedAlternates(ShapeAlternates.For("Content", contentItem.ContentType, displayType));
    }

    public ContentItem ContentItem { get; }

    public IReadOnlyDictionary<string, List<Shape>> Zones => _zones;

    /// <summary>The shapes of a zone in position order (empty when nothing was placed there).</summary>
    public IReadOnlyList<Shape> Zone(string name) => _zones.TryGetValue(name, out var shapes) ? shapes : [];

    public bool HasZone(string name) => Zone(name).Count > 0;

    /// <summary>The first shape of type <typeparamref name="T"/> in any zone, for templates that lay out by hand.</summary>
    public T? Find<T>() where T : Shape => _zones.Values.SelectMany(z => z).OfType<T>().FirstOrDefault();

    internal void Add(Shape shape)
    {
        var zone = shape.Metadata.Zone ?? "Content";
        if (!_zones.TryGetValue(zone, out var shapes))
        {
            shapes = [];
            _zones[zone] = shapes;
        }

        // Stable insert by position: equal positions keep the order drivers returned them in.
        var index = shapes.Count - 1;
        while (index >= 0 && PositionComparer.Instance.Compare(shapes[index].Metadata.Position, shape.Metadata.Position) > 0)
        {
            index--;
        }

        shapes.Insert(index + 1, shape);
    }
}

/// <summary>The alternates naming convention shared by every shape.</summary>
public static class ShapeAlternates
{
    // The names only depend on the three strings, and a site has a handful of shape, content and
    // display types: they are built once instead of three strings for every shape of every page.
    private static readonly ConcurrentDictionary<(string Shape, string ContentType, string DisplayType), string[]> s_names = new();

    /// <summary>
    /// Most specific first: <c>{shape}-{contentType}.{displayType}</c>, <c>{shape}.{displayType}</c>,
    /// <c>{shape}-{contentType}</c> (the shape type itself comes last, added by the metadata).
    /// The display type is the first axis: a summary never falls back to a type's detail template
    /// while a generic summary template exists.
    /// </summary>
    public static IReadOnlyList<string> For(string shapeType, string contentType, string displayType) =>
        s_names.GetOrAdd((shapeType, contentType, displayType), static key =>
        [
            $"{key.Shape}-{key.ContentType}.{key.DisplayType}",
            $"{key.Shape}.{key.DisplayType}",
            $"{key.Shape}-{key.ContentType}",
        ]);
}

/// <summary>Orders positions like "1", "2", "2.5", "10", "after"; missing positions go last.</summary>
public sealed class PositionComparer : IComparer<string?>
{
    public static PositionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (string.IsNullOrEmpty(x))
        {
            return string.IsNullOrEmpty(y) ? 0 : 1;
        }

        if (string.IsNullOrEmpty(y))
        {
            return -1;
        }

        // Segment by segment over spans: this runs for every shape placed on every page, and
        // splitting into strings was an allocation per segment per comparison.
        var xs = x.AsSpan();
        var ys = y.AsSpan();
        while (true)
        {
            var xSegment = NextSegment(ref xs, out var xMore);
            var ySegment = NextSegment(ref ys, out var yMore);
            var xNumber = double.TryParse(xSegment, CultureInfo.InvariantCulture, out var xn);
            var yNumber = double.TryParse(ySegment, CultureInfo.InvariantCulture, out var yn);
            var result = (xNumber, yNumber) switch
            {
                (true, true) => xn.CompareTo(yn),
                (true, false) => -1,
                (false, true) => 1,
                _ => xSegment.SequenceCompareTo(ySegment),
            };
            if (result != 0)
            {
                return result;
            }

            // Equal so far: the one with fewer segments comes first ("2" before "2.1").
            if (!xMore || !yMore)
            {
                return xMore.CompareTo(yMore);
            }
        }
    }

    /// <summary>The text up to the next dot (all of it when there is none); <paramref name="rest"/> moves past the dot.</summary>
    private static ReadOnlySpan<char> NextSegment(ref ReadOnlySpan<char> rest, out bool more)
    {
        var dot = rest.IndexOf('.');
        if (dot < 0)
        {
            var last = rest;
            rest = default;
            more = false;
            return last;
        }

        var segment = rest[..dot];
        rest = rest[(dot + 1)..];
        more = true;
        return segment;
    }
}
