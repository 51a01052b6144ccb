using System.Text.Json.Nodes;

namespace Newsroom.Recipes;

/// <summary>A parsed recipe file.</summary>
public sealed class Recipe
{
    public required string Name { get; init; }

    public string DisplayName { get; init; } = "";

    public string Description { get; init; } = "";

    public string Author { get; init; } = "";

    public bool IsSetupRecipe { get; init; }

    /// <summary>The steps in order, each a JSON object with at least a <c>name</c>.</summary>
    public required IReadOnlyList<JsonObject> Steps { get; init; }

    /// <summary>The folder the recipe came from: step files (media) are relative to it.</summary>
    public string? BasePath { get; init; }

    /// <summary>The file or other source, for error messages.</summary>
    public string Source { get; init; } = "";
}
