using System.Collections.Concurrent;
using System.Text.Json;

namespace Newsroom.ContentManagement;

/// <summary>
/// The parts of one parsed, immutable content element, each deserialized once and then handed to
/// every reader through <see cref="ContentItem.Peek{T}"/>. A published row kept in the cache owns one,
/// so the summaries of a list page stop deserializing the same parts on every request (a tenth of an
/// uncached home page's CPU). What it hands out is shared: for reading only.
/// </summary>
internal sealed class SharedParts(JsonElement content)
{
    // Keyed by name and type: a part is asked for as the type it was stored as, but a caller may ask
    // for a base type, and the two answers must not be mixed up.
    private readonly ConcurrentDictionary<(string Name, Type Type), ContentPart?> _parts = new();

    public T? Get<T>(string name) where T : ContentPart
    {
        var key = (name, typeof(T));
        if (!_parts.TryGetValue(key, out var part))
        {
            // Two first readers may both deserialize it; one answer is kept and both are equal.
            part = _parts.GetOrAdd(key, content.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Object
                ? element.Deserialize<T>(ContentJson.Options)
                : null);
        }

        return part as T;
    }
}
