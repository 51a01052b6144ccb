using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Newsroom.Modules.Shells;

namespace Newsroom.DisplayManagement.Placement;

/// <summary>
/// Placement overrides from the active theme's <c>placement.json</c> (an embedded resource), keyed
/// by shape type. Drivers place shapes in code; this file lets a theme move or hide them
/// without recompiling a module:
/// <code>
/// { "ArticleBylines": [ { "displayType": "Detail", "contentType": "Article", "place": "Header:1.5" } ],
///   "LeadImage":      [ { "displayType": "Summary", "place": "-" } ] }
/// </code>
/// The first matching rule wins; <c>"-"</c> hides the shape.
/// </summary>
public sealed class PlacementRules
{
    private static readonly JsonSerializerOptions s_options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
    private readonly Dictionary<string, List<PlacementRule>> _rules;

    public PlacementRules(Dictionary<string, List<PlacementRule>> rules)
    {
        _rules = new Dictionary<string, List<PlacementRule>>(rules, StringComparer.OrdinalIgnoreCase);
    }

    public static PlacementRules Empty { get; } = new([]);

    /// <summary>Reads <c>placement.json</c> embedded in the site theme's assembly, if it has one.</summary>
    public static PlacementRules FromTheme(ShellBlueprint blueprint)
    {
        var assembly = blueprint.SiteTheme?.Assembly;
        return assembly is null ? Empty : FromAssembly(assembly);
    }

    public static PlacementRules FromAssembly(Assembly assembly)
    {
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("placement.json", StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return Empty;
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        return Parse(stream);
    }

    public static PlacementRules Parse(Stream json)
    {
        var rules = JsonSerializer.Deserialize<Dictionary<string, List<PlacementRule>>>(json, s_options) ?? [];
        return new PlacementRules(rules);
    }

    /// <summary>The overriding location for a shape, or null to keep the driver's.</summary>
    public string? Find(string shapeType, string contentType, string displayType)
    {
        if (!_rules.TryGetValue(shapeType, out var rules))
        {
            return null;
        }

        // A loop, not FirstOrDefault with a lambda: this runs for every shape of every page.
        foreach (var rule in rules)
        {
            if ((rule.DisplayType is null || string.Equals(rule.DisplayType, displayType, StringComparison.OrdinalIgnoreCase))
                && (rule.ContentType is null || string.Equals(rule.ContentType, contentType, StringComparison.OrdinalIgnoreCase)))
            {
                return rule.Place;
            }
        }

        return null;
    }
}

public sealed class PlacementRule
{
    [JsonPropertyName("displayType")]
    public string? DisplayType { get; set; }

    [JsonPropertyName("contentType")]
    public string? ContentType { get; set; }

    /// <summary>"Zone:Position", or "-" to hide.</summary>
    [JsonPropertyName("place")]
    public string Place { get; set; } = "";
}
