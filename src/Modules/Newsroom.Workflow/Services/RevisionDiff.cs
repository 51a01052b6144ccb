using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Newsroom.ContentManagement;

namespace Newsroom.Workflow.Services;

public enum DiffKind
{
    Unchanged,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// A readable diff of two versions: each field and each body block becomes a line
/// ("Headline: ...", "Body 3 (paragraph): ..."), with HTML reduced to its text, and lines are
/// compared with DiffPlex. The workflow's own bookkeeping (status, schedule) is left out.
/// </summary>
public static partial class RevisionDiff
{
    private static readonly HashSet<string> s_ignoredParts = new(StringComparer.Ordinal) { "EditorialPart" };

    public static IReadOnlyList<DiffLine> Compare(ContentItem from, ContentItem to)
    {
        var model = InlineDiffBuilder.Diff(string.Join('\n', Lines(from)), string.Join('\n', Lines(to)));
        return model.Lines.Select(l => new DiffLine(
            l.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                _ => DiffKind.Unchanged,
            },
            l.Text)).ToList();
    }

    /// <summary>One line per field and block, in the order of the item's JSON.</summary>
    public static IEnumerable<string> Lines(ContentItem item)
    {
        yield return $"Title: {item.DisplayText}";
        foreach (var (partName, node) in item.FlushParts())
        {
            if (s_ignoredParts.Contains(partName) || node is not JsonObject part)
            {
                continue;
            }

            var label = partName.EndsWith("Part", StringComparison.Ordinal) ? partName[..^4] : partName;
            foreach (var line in Flatten(label, part))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> Flatten(string path, JsonNode? node)
    {
        switch (node)
        {
            case null:
                yield break;
            case JsonObject obj:
                var discriminator = obj.ContainsKey("type") ? "type" : "$type";
                var type = obj[discriminator] is JsonValue value && value.TryGetValue<string>(out var t) ? t : null;
                var prefix = type is null ? path : $"{path} ({type})";
                foreach (var (name, child) in obj)
                {
                    if (type is not null && name == discriminator)
                    {
                        continue;
                    }

                    foreach (var line in Flatten($"{prefix} {name}", child))
                    {
                        yield return line;
                    }
                }

                break;
            case JsonArray array:
                if (array.All(a => a is JsonValue))
                {
                    yield return $"{path}: {string.Join(", ", array.Select(a => a?.ToString()))}";
                    yield break;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var line in Flatten($"{path} {i + 1}", array[i]))
                    {
                        yield return line;
                    }
                }

                break;
            default:
                var text = node.ToString();
                if (text.Length > 0)
                {
                    yield return $"{path}: {PlainText(text)}";
                }

                break;
        }
    }

    private static string PlainText(string value) =>
        value.Contains('<', StringComparison.Ordinal) ? WebUtility.HtmlDecode(Tags().Replace(value, "")).Replace('\n', ' ') : value.Replace('\n', ' ');

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
