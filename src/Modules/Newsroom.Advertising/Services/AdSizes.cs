using System.Collections.Frozen;

namespace Newsroom.Advertising.Services;

/// <summary>The ad sizes slots may ask for (IAB standard sizes, plus <c>fluid</c> for responsive units).</summary>
public static class AdSizes
{
    public const string Fluid = "fluid";

    public static IReadOnlyList<string> Known { get; } = ["300x250", "728x90", "320x50", "300x600", "970x250", "336x280", "160x600", Fluid];

    private static readonly FrozenSet<string> s_known = Known.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string? size) => size is not null && s_known.Contains(size.Trim());

    /// <summary>Width and height of a fixed size; null for <c>fluid</c> or unknown text.</summary>
    public static (int Width, int Height)? Dimensions(string size)
    {
        var parts = size.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], out var width) && int.TryParse(parts[1], out var height)
            ? (width, height)
            : null;
    }
}
