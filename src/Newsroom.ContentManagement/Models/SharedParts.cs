using System.Collections.Concurrent;
using System.Text.Json;

namespace Newsroom.ContentManagement;

/// <summary>
/// The parts of one parsed, immutable content element, each deserialized once and then handed to
/// every reader through <see cref="ContentItem.Peek{T}(string)"/>. A published row kept in the cache owns one,
/// so the summaries of a list page stop deserializing the same parts on every request (a tenth of an
/// uncached home page's CPU). What it hands out is shared: for reading only.
/// </summary>
internal sealed class SharedParts(JsonElement content)
{
    // Keyed by name and type: a part is asked for as the type it was stored as, but a caller may ask
    // for a base type, and the two answers must not be mixed up. Two first readers may both
    // deserialize a part; one answer is kept, and the two are equal.
    private readonly ConcurrentDictionary<(string Name, Type Type), ContentPart?> _parts = new();

    /// <summary>The parsed content: every part, as stored.</summary>
    public JsonElement Content { get; } = content;

    public T? Get<T>(string name) where T : ContentPart =>
        _parts.GetOrAdd((name, typeof(T)), static (key, content) =>
            content.TryGetProperty(key.Name, out var element) && element.ValueKind == JsonValueKind.Object
                ? (ContentPart?)element.Deserialize(key.Type, ContentJson.Options)
                : null, Content) as T;
}
