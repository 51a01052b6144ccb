using System.Collections.Concurrent;

namespace Newsroom.DisplayManagement.Shapes;

/// <summary>
/// A typed shape: a view model that knows its shape type, its alternates and where it goes. Each
/// shape is rendered by the first template found among its alternates (most specific first), see
/// <see cref="Rendering.ShapeTemplateResolver"/>.
/// </summary>
public abstract class Shape
{
    protected Shape()
    {
        Metadata = new ShapeMetadata(DefaultType(GetType()));
    }

    protected Shape(string type)
    {
        Metadata = new ShapeMetadata(type);
    }

    public ShapeMetadata Metadata { get; }

    /// <summary>
    /// The shape type of a class: its name without a <c>ViewModel</c> or <c>Shape</c> suffix
    /// (<c>ArticleHeaderViewModel</c> is the shape <c>ArticleHeader</c>).
    /// </summary>
    public static string DefaultType(Type type) => s_defaultTypes.GetOrAdd(type, static t => TypeNameWithoutSuffix(t.Name));

    // Every shape asks in its constructor: the name is computed once per class, not per instance.
    private static readonly ConcurrentDictionary<Type, string> s_defaultTypes = new();

    private static string TypeNameWithoutSuffix(string name)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ViewModel", "Shape"])
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}

/// <summary>What the display system knows about a shape besides its data.</summary>
public sealed class ShapeMetadata(string type)
{
    /// <summary>The shape type, e.g. <c>Content</c> or <c>ArticleHeader</c>; also the last-resort template name.</summary>
    public string Type { get; } = type;

    /// <summary>"Detail", "Summary", or any display type a page asks for.</summary>
    public string DisplayType { get; set; } = DisplayTypes.Detail;

    // The conventional names (ShapeAlternates.For) are one shared array per shape, content and
    // display type; a list of this shape's own is made only when code reads or changes Alternates.
    // Every placed shape of every page gets the conventional names, and a list each was a steady
    // share of what a page allocated.
    private List<string>? _alternates;
    private IReadOnlyList<string> _shared = [];

    /// <summary>
    /// Template names to try before <see cref="Type"/>, most specific first, e.g.
    /// <c>Content-Article.Summary</c>, <c>Content.Summary</c>, <c>Content-Article</c>.
    /// </summary>
    public List<string> Alternates
    {
        get
        {
            if (_alternates is null)
            {
                _alternates = [.. _shared];
                _shared = [];
            }

            return _alternates;
        }
    }

    /// <summary>The alternates in order, without making a list of this shape's own.</summary>
    internal IReadOnlyList<string> AlternatesInOrder => _alternates ?? _shared;

    /// <summary>
    /// Appends names to the alternates. <paramref name="names"/> is kept by reference until someone
    /// reads <see cref="Alternates"/>, so it must never change (the cached arrays of ShapeAlternates).
    /// </summary>
    internal void AddSharedAlternates(IReadOnlyList<string> names)
    {
        if (_alternates is null && _shared.Count == 0)
        {
            _shared = names;
        }
        else
        {
            Alternates.AddRange(names);
        }
    }

    /// <summary>The zone of the parent shape this shape is placed in, e.g. <c>Header</c>.</summary>
    public string? Zone { get; set; }

    /// <summary>Ordering inside the zone: dotted numbers, "2" before "10", "2" before "2.1".</summary>
    public string? Position { get; set; }

    /// <summary>Every template name to try, most specific first, ending with the shape type.</summary>
    public IEnumerable<string> TemplateCandidates() => AlternatesInOrder.Append(Type).Distinct(StringComparer.Ordinal);
}

public static class DisplayTypes
{
    public const string Detail = "Detail";
    public const string Summary = "Summary";
}
