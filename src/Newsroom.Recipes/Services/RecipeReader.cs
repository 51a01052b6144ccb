using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newsroom.Recipes;

/// <summary>Parses recipe JSON; malformed input is refused with the line and position.</summary>
public static class RecipeReader
{
    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static Recipe Parse(string json, string source, string? basePath = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: s_options);
        }
        catch (JsonException ex)
        {
            var (recipeName, stepIndex, stepName, property) = Locate(json);
            throw new RecipeException(
                recipeName ?? source,
                stepIndex,
                stepName,
                property,
                $"the JSON of {source} is malformed at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {ex.Message}",
                ex);
        }

        if (root is not JsonObject recipe)
        {
            throw new RecipeException(source, null, null, null, "a recipe must be a JSON object.");
        }

        var name = String(recipe, "name", source) ?? throw new RecipeException(source, null, null, "name", "the recipe needs a name.");
        if (recipe["steps"] is not JsonArray steps)
        {
            throw new RecipeException(name, null, null, "steps", "the recipe needs a 'steps' array.");
        }

        var parsedSteps = new List<JsonObject>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject step || step["name"] is not JsonValue stepName || stepName.GetValueKind() != JsonValueKind.String)
            {
                throw new RecipeException(name, i + 1, null, "name", "each step must be an object with a string 'name'.");
            }

            parsedSteps.Add(step);
        }

        return new Recipe
        {
            Name = name,
            DisplayName = String(recipe, "displayName", name) ?? name,
            Description = String(recipe, "description", name) ?? "",
            Author = String(recipe, "author", name) ?? "",
            IsSetupRecipe = recipe["issetuprecipe"] is JsonValue setup && setup.GetValueKind() == JsonValueKind.True,
            Steps = parsedSteps,
            BasePath = basePath,
            Source = source,
        };
    }

    /// <summary>
    /// Reads malformed JSON token by token up to the error, to say which recipe, step and property
    /// it is in (the parser's own exception only knows the line and column).
    /// </summary>
    private static (string? Recipe, int? StepIndex, string? StepName, string? Property) Locate(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        string? recipe = null, rootProperty = null, stepName = null, stepProperty = null;
        int? stepIndex = null;
        var steps = 0;
        var inSteps = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        rootProperty = reader.GetString();
                        break;
                    case JsonTokenType.String when reader.CurrentDepth == 1 && rootProperty == "name":
                        recipe = reader.GetString();
                        break;
                    case JsonTokenType.StartArray when reader.CurrentDepth == 1 && rootProperty == "steps":
                        inSteps = true;
                        break;
                    case JsonTokenType.EndArray when reader.CurrentDepth == 1 && inSteps:
                        (inSteps, stepIndex, stepName, stepProperty) = (false, null, null, null);
                        break;
                    case JsonTokenType.StartObject when inSteps && reader.CurrentDepth == 2:
                        (stepIndex, stepName, stepProperty) = (++steps, null, null);
                        break;
                    case JsonTokenType.PropertyName when inSteps && reader.CurrentDepth == 3:
                        stepProperty = reader.GetString();
                        break;
                    case JsonTokenType.String when inSteps && reader.CurrentDepth == 3 && stepProperty == "name":
                        stepName = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return (recipe, stepIndex, stepName, stepIndex is null ? rootProperty : stepProperty);
        }

        return (recipe, null, null, null);
    }

    public static async Task<Recipe> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)));

    private static string? String(JsonObject recipe, string property, string source) => recipe[property] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new RecipeException(source, null, null, property, $"'{property}' must be a string."),
    };
}
