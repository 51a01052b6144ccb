using System.Text.Json;
using System.Text.Json.Nodes;
using Newsroom.ContentManagement;

namespace Newsroom.Articles.Services;

/// <summary>
/// Reads and writes parts in handlers without caching them on the item. Writing a part back only
/// when a handler really changed it keeps the stored JSON exactly as given otherwise, which is what
/// makes re-importing an unchanged recipe a no-op (the content manager compares the JSON text).
/// </summary>
public static class ContentParts
{
    /// <summary>A fresh copy of the part named after <typeparamref name="T"/>, or null when the item has none.</summary>
    public static T? Read<T>(ContentItem item) where T : ContentPart =>
        item.Content[typeof(T).Name] is JsonObject json ? json.Deserialize<T>(ContentJson.Options) : null;

    /// <summary>The part named after <typeparamref name="T"/> as it stands (see <see cref="ContentItem.Peek{T}"/>): for reading only.</summary>
    public static T? Peek<T>(ContentItem item) where T : ContentPart => item.Peek<T>(typeof(T).Name);

    /// <summary>The canonical JSON of a part, to tell whether normalising changed it.</summary>
    public static string Snapshot<T>(T part) where T : ContentPart => JsonSerializer.Serialize(part, ContentJson.Options);

    /// <summary>Stores <paramref name="part"/> on the item when it differs from <paramref name="snapshot"/>.</summary>
    public static void WriteIfChanged<T>(ContentItem item, T part, string snapshot) where T : ContentPart
    {
        if (Snapshot(part) == snapshot)
        {
            return;
        }

        item.Apply(part);

        // Later handlers read Content, so it must hold the change now.
        item.FlushParts();
    }
}
