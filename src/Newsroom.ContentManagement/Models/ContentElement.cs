using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Newsroom.ContentManagement;

/// <summary>
/// A part of a content item (Orchard's ContentPart): a class whose properties are stored under the
/// part's name in the item's JSON. Fields added through the type definition live in <see cref="Fields"/>.
/// </summary>
public class ContentPart
{
    /// <summary>Fields and any properties this class does not declare, kept as JSON so nothing is lost.</summary>
    [JsonExtensionData]
    public JsonObject? Fields { get; set; }

    public T? GetField<T>(string name) where T : ContentField =>
        Fields?[name]?.Deserialize<T>(ContentJson.Options);

    public void SetField<T>(string name, T field) where T : ContentField
    {
        Fields ??= [];
        Fields[name] = JsonSerializer.SerializeToNode(field, ContentJson.Options);
    }
}

/// <summary>A field on a part (Orchard's ContentField). Its settings live in the part definition.</summary>
public abstract class ContentField;
