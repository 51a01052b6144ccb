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
    private readonly JsonElement? _content;

    private PublishedRow(ContentItemRecord record, JsonElement? content)
    {
        Record = record;
        _content = content;
    }

    public ContentItemRecord Record { get; }

    /// <summary>A row used once: its JSON is parsed by the item that reads it.</summary>
    public static PublishedRow? Of(ContentItemRecord? record) => record is null ? null : new(record, null);

    /// <summary>A row to keep: its JSON parsed once, into memory of its own (not the parser's pool).</summary>
    public static PublishedRow Parsed(ContentItemRecord record)
    {
        using var document = JsonDocument.Parse(record.Data);
        return new(record, document.RootElement.Clone());
    }

    public ContentItem ToItem() => ContentManager.ToItem(Record, _content);
}
