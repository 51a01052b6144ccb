using System.Text.Json;
using Newsroom.ContentManagement.Records;

namespace Newsroom.ContentManagement;

/// <summary>
/// A version row as the content manager hands it out, with its content already parsed when the row
/// is kept in the published cache. The parsed content is an immutable <see cref="JsonElement"/>,
/// safe to share between requests; every caller still gets its own <see cref="ContentItem"/>, whose
/// parts are read from that element instead of parsing the row's JSON text again.
/// </summary>
internal sealed class PublishedRow
{
    // The parsed content and the parts read from it; null for a row used once.
    private readonly SharedParts? _parts;

    private PublishedRow(ContentItemRecord record, SharedParts? parts, int cacheSize)
    {
        Record = record;
        _parts = parts;
        CacheSize = cacheSize;
    }

    public ContentItemRecord Record { get; }

    /// <summary>
    /// What the row counts for in the published cache, from the length of its JSON: the parsed element,
    /// and the parts readers deserialize from it, which the row keeps (see <see cref="SharedParts"/>).
    /// </summary>
    public int CacheSize { get; }

    /// <summary>A row used once: its JSON is parsed by the item that reads it.</summary>
    public static PublishedRow? Of(ContentItemRecord? record) => record is null ? null : new(record, null, 0);

    /// <summary>
    /// A row to keep: its JSON parsed once, into memory of its own (not the parser's pool). The JSON
    /// text is let go: items read the parsed element, and the text was the larger copy (UTF-16).
    /// </summary>
    public static PublishedRow Parsed(ContentItemRecord record)
    {
        JsonElement content;
        using (var document = JsonDocument.Parse(record.Data))
        {
            content = document.RootElement.Clone();
        }

        var size = 256 + record.Data.Length * 4;
        record.Data = "";
        return new(record, new SharedParts(content), size);
    }

    public ContentItem ToItem() => ContentManager.ToItem(Record, _parts);
}
