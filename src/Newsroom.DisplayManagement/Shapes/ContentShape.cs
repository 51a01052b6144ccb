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
        Metadata.Alternates.AddRange(ShapeAlternates.For("Content", contentItem.ContentType, displayType));
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
        var index = shapes.FindLastIndex(s => PositionComparer.Instance.Compare(s.Metadata.Position, shape.Metadata.Position) <= 0);
        shapes.Insert(index + 1, shape);
    }
}

/// <summary>The alternates naming convention shared by every shape.</summary>
public static class ShapeAlternates
{
    /// <summary>
    /// Most specific first: <c>{shape}-{contentType}.{displayType}</c>, <c>{shape}.{displayType}</c>,
    /// <c>{shape}-{contentType}</c> (the shape type itself comes last, added by the metadata).
    /// The display type is the first axis: a summary never falls back to a type's detail template
    /// while a generic summary template exists.
    /// </summary>
    public static IEnumerable<string> For(string shapeType, string contentType, string displayType)
    {
        yield return $"{shapeType}-{contentType}.{displayType}";
        yield return $"{shapeType}.{displayType}";
        yield return $"{shapeType}-{contentType}";
    }
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

        var xs = x.Split('.');
        var ys = y.Split('.');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            var xNumber = double.TryParse(xs[i], System.Globalization.CultureInfo.InvariantCulture, out var xn);
            var yNumber = double.TryParse(ys[i], System.Globalization.CultureInfo.InvariantCulture, out var yn);
            var result = (xNumber, yNumber) switch
            {
                (true, true) => xn.CompareTo(yn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(xs[i], ys[i]),
            };
            if (result != 0)
            {
                return result;
            }
        }

        return xs.Length.CompareTo(ys.Length);
    }
}
