using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Metadata;

namespace Newsroom.Recipes.Steps;

/// <summary>
/// <c>{ "name": "content", "data": [ { "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText",
/// "Published", "PublishedUtc", ..., "ArticlePart": { ... } } ] }</c>. Items are keyed by ContentItemId:
/// an identical version is skipped, a different one becomes the new version.
/// </summary>
public sealed class ContentStep(IContentManager contentManager, IContentDefinitionManager definitions) : IRecipeStepHandler
{
    private static readonly HashSet<string> s_metadata = new(StringComparer.OrdinalIgnoreCase)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "CreatedUtc",
        "ModifiedUtc", "PublishedUtc", "Owner", "Author", "Number",
    };

    public string Name => "content";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["data"] is not JsonArray data)
        {
            throw new RecipeStepException("data", "the content step needs a 'data' array of content items.");
        }

        for (var i = 0; i < data.Count; i++)
        {
            var place = $"data[{i}]";
            if (data[i] is not JsonObject json)
            {
                throw new RecipeStepException(place, "each content item must be a JSON object.");
            }

            var item = await ReadAsync(json, place, context.CancellationToken);
            try
            {
                // Through the batch import, one item at a time so an error names its place: it lets go of
                // what each item tracked, so a long recipe does not slow down with every item it adds.
                await contentManager.ImportAsync([item], context.CancellationToken);
            }
            catch (ContentValidationException ex)
            {
                throw new RecipeStepException(string.Join(", ", ex.Errors.Select(e => $"{place}.{e.Field}")), string.Join("; ", ex.Errors.Select(e => e.Message)), ex);
            }
            catch (JsonException ex)
            {
                throw new RecipeStepException($"{place}.{ex.Path?.TrimStart('$', '.')}", ex.Message, ex);
            }
        }
    }

    private async Task<ContentItem> ReadAsync(JsonObject json, string place, CancellationToken cancellationToken)
    {
        var type = Text(json, "ContentType", place) ?? throw new RecipeStepException($"{place}.ContentType", "is required.");
        if (await definitions.GetTypeDefinitionAsync(type, cancellationToken) is null)
        {
            throw new RecipeStepException($"{place}.ContentType", $"the content type '{type}' is not defined.");
        }

        var id = Text(json, "ContentItemId", place);
        if (id is null || id.Length > 32 || !id.All(char.IsAsciiLetterOrDigit))
        {
            throw new RecipeStepException($"{place}.ContentItemId", "is required: up to 32 letters and digits.");
        }

        var item = new ContentItem
        {
            ContentItemId = id,
            ContentItemVersionId = Text(json, "ContentItemVersionId", place) ?? "",
            ContentType = type,
            DisplayText = Text(json, "DisplayText", place),
            Published = Flag(json, "Published", place),
            Owner = Text(json, "Owner", place),
            Author = Text(json, "Author", place),
            CreatedUtc = Instant(json, "CreatedUtc", place),
            ModifiedUtc = Instant(json, "ModifiedUtc", place),
            PublishedUtc = Instant(json, "PublishedUtc", place),
        };
        var parts = new JsonObject();
        foreach (var (key, value) in json)
        {
            if (s_metadata.Contains(key))
            {
                continue;
            }

            if (value is not JsonObject)
            {
                throw new RecipeStepException($"{place}.{key}", "a part must be a JSON object.");
            }

            parts[key] = value.DeepClone();
        }

        item.LoadContent(parts);
        return item;
    }

    private static string? Text(JsonObject json, string name, string place) => json[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new RecipeStepException($"{place}.{name}", "must be a string."),
    };

    private static bool Flag(JsonObject json, string name, string place) => json[name] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw new RecipeStepException($"{place}.{name}", "must be true or false."),
    };

    private static DateTime? Instant(JsonObject json, string name, string place)
    {
        var text = Text(json, name, place);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.UtcDateTime
            : throw new RecipeStepException($"{place}.{name}", $"'{text}' is not an ISO 8601 date and time.");
    }
}
