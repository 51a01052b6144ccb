using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Newsroom.RelatedLinks.Models;

namespace Newsroom.RelatedLinks.Handlers;

/// <summary>
/// Related links, in a body (<c>relatedLink</c> blocks) or as RelatedLink items: exactly one target,
/// an existing content item or an absolute http(s) URL. <c>javascript:</c>, <c>data:</c> and any other
/// scheme are refused with the field named (e.g. <c>BodyPart.Blocks[3].Url</c>).
/// </summary>
public sealed class RelatedLinkHandler(NewsroomDbContext db) : ContentHandler
{
    public override async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        var checks = new List<(string Place, string? Target)>();

        var body = ContentParts.Read<BodyPart>(item);
        var bodySnapshot = body is null ? null : ContentParts.Snapshot(body);
        for (var i = 0; i < (body?.Blocks.Count ?? 0); i++)
        {
            if (body!.Blocks[i] is RelatedLinkBlock block)
            {
                var place = $"BodyPart.Blocks[{i}]";
                block.Label = Check(context, place, block.Label, block.TargetContentItemId, block.Url);
                block.Url = string.IsNullOrWhiteSpace(block.Url) ? null : block.Url.Trim();
                block.TargetContentItemId = string.IsNullOrWhiteSpace(block.TargetContentItemId) ? null : block.TargetContentItemId.Trim();
                block.Headline = string.IsNullOrWhiteSpace(block.Headline) ? null : BodyHtml.ToPlainText(block.Headline);
                checks.Add((place, block.TargetContentItemId));
            }
        }

        var part = ContentParts.Read<RelatedLinkPart>(item);
        var partSnapshot = part is null ? null : ContentParts.Snapshot(part);
        if (part is not null)
        {
            part.Label = Check(context, "RelatedLinkPart", part.Label, part.TargetContentItemId, part.Url);
            part.Url = string.IsNullOrWhiteSpace(part.Url) ? null : part.Url.Trim();
            part.TargetContentItemId = string.IsNullOrWhiteSpace(part.TargetContentItemId) ? null : part.TargetContentItemId.Trim();
            part.Headline = string.IsNullOrWhiteSpace(part.Headline) ? null : BodyHtml.ToPlainText(part.Headline);
            checks.Add(("RelatedLinkPart", part.TargetContentItemId));
        }

        var targets = checks.Select(c => c.Target).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (targets.Count > 0)
        {
            // The latest version is enough: a link may point at an article that goes live later.
            var existing = (await db.Set<ContentItemRecord>()
                .Where(r => targets.Contains(r.ContentItemId) && r.Latest && !r.Deleted)
                .Select(r => r.ContentItemId)
                .ToListAsync()).ToHashSet(StringComparer.Ordinal);
            foreach (var (place, target) in checks)
            {
                if (target is not null && !existing.Contains(target))
                {
                    context.Fail($"{place}.TargetContentItemId", $"content item '{target}' does not exist.");
                }
            }
        }

        if (context.Errors.Count > 0)
        {
            return;
        }

        if (body is not null)
        {
            ContentParts.WriteIfChanged(item, body, bodySnapshot!);
        }

        if (part is not null)
        {
            ContentParts.WriteIfChanged(item, part, partSnapshot!);
            var text = part.Headline ?? part.Url ?? part.TargetContentItemId;
            if (string.IsNullOrEmpty(item.DisplayText) && text is not null)
            {
                item.DisplayText = text;
            }
        }
    }

    /// <summary>Checks the target rules and returns the label to store ("Read" when none is given).</summary>
    private static string Check(ValidateContentContext context, string place, string? label, string? target, string? url)
    {
        var hasTarget = !string.IsNullOrWhiteSpace(target);
        var hasUrl = !string.IsNullOrWhiteSpace(url);
        if (hasTarget && hasUrl)
        {
            context.Fail($"{place}.Url", "give either a TargetContentItemId or a Url, not both.");
        }
        else if (!hasTarget && !hasUrl)
        {
            context.Fail($"{place}.TargetContentItemId", "a related link needs a TargetContentItemId (an article) or a Url.");
        }
        else if (hasUrl && !UrlRules.IsHttpUrl(url))
        {
            context.Fail($"{place}.Url", $"'{url}' is not an absolute http or https URL; other schemes (javascript:, data:, ...) are refused.");
        }

        return string.IsNullOrWhiteSpace(label) ? RelatedLinkBlock.DefaultLabel : label.Trim();
    }
}
