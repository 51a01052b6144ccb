using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newsroom.ContentManagement;

/// <summary>
/// One version of a content item: its metadata and its parts. Load and save it through
/// <see cref="IContentManager"/>; parts are read with <see cref="As{T}"/> and changes to them are
/// saved with the item.
/// </summary>
public sealed class ContentItem
{
    private readonly Dictionary<string, ContentPart> _parts = new(StringComparer.Ordinal);

    public string ContentItemId { get; set; } = "";

    public string ContentItemVersionId { get; set; } = "";

    public string ContentType { get; set; } = "";

    /// <summary>1 for the first version, then one more for each new version.</summary>
    public int Number { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public bool Deleted { get; set; }

    public string? DisplayText { get; set; }

    /// <summary>The user who owns the item (permissions "own").</summary>
    public string? Owner { get; set; }

    /// <summary>The user who made this version.</summary>
    public string? Author { get; set; }

    public DateTime? CreatedUtc { get; set; }

    public DateTime? ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>
    /// Changes with every write to the item. A save carrying an older stamp is refused with
    /// <see cref="ContentConcurrencyException"/>.
    /// </summary>
    public string ConcurrencyStamp { get; set; } = "";

    // While _content is null, parts are read from _element, a shared, parsed element (see
    // LoadContent(JsonElement)): deserialising a part from it reads its UTF-8 bytes directly, where a
    // JsonObject over it first builds a node per property, then writes the part out again to read it.
    private JsonElement _element;
    private JsonObject? _content = [];

    // The parts of _element, deserialized once for every item that reads it (see Peek). Only while
    // _content is null: once the JSON is open for change, it may no longer say what they say.
    private SharedParts? _shared;

    /// <summary>The parts as JSON, keyed by part name.</summary>
    public JsonObject Content => _content ??= JsonObject.Create(_element) ?? [];

    public bool Has(string partName) => _parts.ContainsKey(partName)
        || (_content is null ? _element.TryGetProperty(partName, out _) : _content.ContainsKey(partName));

    public bool Has<T>() where T : ContentPart => Has(typeof(T).Name);

    /// <summary>The part named after <typeparamref name="T"/>, created empty when missing.</summary>
    public T As<T>() where T : ContentPart, new() => Get<T>(typeof(T).Name) ?? Weld(typeof(T).Name, new T());

    /// <summary>The part stored under <paramref name="name"/>, or null.</summary>
    public T? Get<T>(string name) where T : ContentPart
    {
        if (_parts.TryGetValue(name, out var cached))
        {
            return cached as T;
        }

        var part = Copy<T>(name);
        if (part is not null)
        {
            _parts[name] = part;
        }

        return part;
    }

    /// <summary>The part named after <typeparamref name="T"/> as it stands, or null (see <see cref="Peek{T}(string)"/>): for reading only.</summary>
    public T? Peek<T>() where T : ContentPart => Peek<T>(typeof(T).Name);

    /// <summary>
    /// The part stored under <paramref name="name"/> as it stands, or null, without keeping a copy on
    /// the item (which would be written back on the next save): the part object itself when one was
    /// read or applied; for an item read from the published cache, the one copy every request reading
    /// that version shares; else a fresh copy from <see cref="Content"/>. For reading only: never
    /// change what it returns.
    /// </summary>
    public T? Peek<T>(string name) where T : ContentPart
    {
        if (_parts.TryGetValue(name, out var cached))
        {
            return cached as T;
        }

        if (_content is null)
        {
            return (_shared ??= new SharedParts(_element)).Get<T>(name);
        }

        return Copy<T>(name);
    }

    /// <summary>
    /// A fresh copy of the part stored under <paramref name="name"/>, or null: read from the stored
    /// JSON, never the object cached on the item, so changing it changes nothing until it is stored.
    /// </summary>
    public T? Copy<T>(string name) where T : ContentPart
    {
        if (_content is null)
        {
            return _element.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Object
                ? element.Deserialize<T>(ContentJson.Options)
                : null;
        }

        return _content[name] is JsonObject json ? json.Deserialize<T>(ContentJson.Options) : null;
    }

    /// <summary>Puts <paramref name="part"/> on the item and writes it into <see cref="Content"/> at once, for readers of the JSON that come after.</summary>
    public void Store(string name, ContentPart part)
    {
        _parts[name] = part;
        Content[name] = JsonSerializer.SerializeToNode(part, part.GetType(), ContentJson.Options);
    }

    public T Weld<T>(string name, T part) where T : ContentPart
    {
        _parts[name] = part;
        return part;
    }

    public ContentItem Apply<T>(T part) where T : ContentPart => Apply(typeof(T).Name, part);

    public ContentItem Apply(string name, ContentPart part)
    {
        _parts[name] = part;
        return this;
    }

    public ContentItem Alter<T>(Action<T> alter) where T : ContentPart, new()
    {
        alter(As<T>());
        return this;
    }

    public void Remove(string partName)
    {
        _parts.Remove(partName);
        Content.Remove(partName);
    }

    /// <summary>Writes the parts read or changed through this object back into <see cref="Content"/>.</summary>
    public JsonObject FlushParts()
    {
        foreach (var (name, part) in _parts)
        {
            Content[name] = JsonSerializer.SerializeToNode(part, part.GetType(), ContentJson.Options);
        }

        return Content;
    }

    public string SerializeContent() => FlushParts().ToJsonString(ContentJson.Options);

    /// <summary>Replaces every part with those in <paramref name="json"/>.</summary>
    public void LoadContent(JsonObject json)
    {
        _parts.Clear();
        _content = json;
        _shared = null;
    }

    public void LoadContent(string json) => LoadContent(JsonNode.Parse(json) as JsonObject ?? []);

    /// <summary>
    /// Replaces every part with those in <paramref name="json"/>, read lazily from it: a shared,
    /// parsed element (see the published cache) is read, never changed.
    /// </summary>
    public void LoadContent(JsonElement json) => LoadContent(json, shared: null);

    /// <summary>As <see cref="LoadContent(JsonElement)"/> with the element of <paramref name="shared"/>, whose parts are read once for every item over it.</summary>
    internal void LoadContent(SharedParts shared) => LoadContent(shared.Content, shared);

    private void LoadContent(JsonElement json, SharedParts? shared)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            LoadContent([]);
            return;
        }

        _parts.Clear();
        _element = json;
        _content = null;
        _shared = shared;
    }

    public override string ToString() => $"{ContentType} {ContentItemId} v{Number} \"{DisplayText}\"";
}
