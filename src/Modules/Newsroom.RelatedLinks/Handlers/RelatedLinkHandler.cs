using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.RelatedLinks.Models;
using Newsroom.RelatedLinks.Services;

namespace Newsroom.RelatedLinks.Handlers;

/// <summary>
/// Related links, in a body (<c>relatedLink</c> blocks) or as RelatedLink items: exactly one target,
/// an existing content item or an absolute http(s) URL. <c>javascript:</c>, <c>data:</c> and any other
/// scheme are refused with the field named (e.g. <c>BodyPart.Blocks[3].Url</c>). An address on this
/// site (<c>/india/slug</c>, or a full URL on its host) becomes the article's id, or is refused when
/// no article has that address, so a form without script can link an article by pasting its URL.
/// </summary>
public sealed class RelatedLinkHandler(IServiceProvider services, ArticleAddresses addresses) : ContentHandler
{
    // Resolved when used: the content manager itself depends on the handlers.
    private IContentManager Contents => services.GetRequiredService<IContentManager>();

    /// <summary>Checks every target the batch links to at once; each item's check then reads it back.</summary>
    public override async Task ImportingAsync(ImportContext context) =>
        await Contents.GetLatestTypesAsync(context.Items
            .SelectMany(item => (item.Peek<BodyPart>()?.Blocks ?? []).OfType<RelatedLinkBlock>().Select(b => b.TargetContentItemId)
                .Append(item.Peek<RelatedLinkPart>()?.TargetContentItemId))
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id!.Trim()));

    public override async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        var checks = new List<(string Place, string? Target)>();
        var body = context.Part<BodyPart>();
        var part = context.Part<RelatedLinkPart>();
        var links = (body?.Blocks ?? []).Select((b, i) => (Block: b as RelatedLinkBlock, Place: $"BodyPart.Blocks[{i}]"))
            .Where(l => l.Block is not null)
            .Select(l => (Link: (IRelatedLink)new BlockLink(l.Block!), l.Place))
            .ToList();
        if (part is not null)
        {
            links.Add((new PartLink(part), "RelatedLinkPart"));
        }

        var unresolved = await ResolveSiteAddressesAsync(context, links);
        for (var i = 0; i < (body?.Blocks.Count ?? 0); i++)
        {
            if (body!.Blocks[i] is RelatedLinkBlock block)
            {
                var place = $"BodyPart.Blocks[{i}]";
                block.Label = unresolved.Contains(place) ? block.Label : Check(context, place, block.Label, block.TargetContentItemId, block.Url);
                block.Url = string.IsNullOrWhiteSpace(block.Url) ? null : block.Url.Trim();
                block.TargetContentItemId = string.IsNullOrWhiteSpace(block.TargetContentItemId) ? null : block.TargetContentItemId.Trim();
                block.Headline = string.IsNullOrWhiteSpace(block.Headline) ? null : BodyHtml.ToPlainText(block.Headline);
                checks.Add((place, block.TargetContentItemId));
            }
        }

        if (part is not null)
        {
            part.Label = unresolved.Contains("RelatedLinkPart") ? part.Label : Check(context, "RelatedLinkPart", part.Label, part.TargetContentItemId, part.Url);
            part.Url = string.IsNullOrWhiteSpace(part.Url) ? null : part.Url.Trim();
            part.TargetContentItemId = string.IsNullOrWhiteSpace(part.TargetContentItemId) ? null : part.TargetContentItemId.Trim();
            part.Headline = string.IsNullOrWhiteSpace(part.Headline) ? null : BodyHtml.ToPlainText(part.Headline);
            checks.Add(("RelatedLinkPart", part.TargetContentItemId));
        }

        var targets = checks.Select(c => c.Target).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (targets.Count > 0)
        {
            // The latest version is enough: a link may point at an article that goes live later.
            var existing = await Contents.GetLatestTypesAsync(targets);
            foreach (var (place, target) in checks)
            {
                if (target is not null && !existing.ContainsKey(target))
                {
                    context.Fail($"{place}.TargetContentItemId", $"content item '{target}' does not exist.");
                }
            }
        }

        if (context.Errors.Count > 0)
        {
            return;
        }

        if (part is not null)
        {
            var text = part.Headline ?? part.Url ?? part.TargetContentItemId;
            if (string.IsNullOrEmpty(item.DisplayText) && text is not null)
            {
                item.DisplayText = text;
            }
        }
    }

    /// <summary>
    /// Replaces each address on this site by the id of the article it belongs to (before the target
    /// rules run), or fails the link's Url field when no article has that address. Returns the places
    /// that failed, so the target rules do not report them a second time.
    /// </summary>
    private async Task<IReadOnlySet<string>> ResolveSiteAddressesAsync(ValidateContentContext context, IReadOnlyList<(IRelatedLink Link, string Place)> links)
    {
        var local = links
            .Where(l => string.IsNullOrWhiteSpace(l.Link.TargetContentItemId) && !string.IsNullOrWhiteSpace(l.Link.Url))
            .Select(l => (l.Link, l.Place, Path: addresses.SitePath(l.Link.Url!)))
            .Where(l => l.Path is not null)
            .ToList();
        var found = await addresses.FindAsync(local.Select(l => l.Path!).Distinct(StringComparer.Ordinal).ToList());
        var unresolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (link, place, path) in local)
        {
            if (found.TryGetValue(path!, out var id))
            {
                link.TargetContentItemId = id;
                link.Url = null;
            }
            else
            {
                context.Fail($"{place}.Url", $"'{link.Url!.Trim()}' is not the address of a published article on this site.");
                unresolved.Add(place);
            }
        }

        return unresolved;
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

    /// <summary>The target fields shared by the block and the part, so addresses resolve the same way for both.</summary>
    private interface IRelatedLink
    {
        string? TargetContentItemId { get; set; }

        string? Url { get; set; }
    }

    private sealed class BlockLink(RelatedLinkBlock block) : IRelatedLink
    {
        public string? TargetContentItemId { get => block.TargetContentItemId; set => block.TargetContentItemId = value; }

        public string? Url { get => block.Url; set => block.Url = value; }
    }

    private sealed class PartLink(RelatedLinkPart part) : IRelatedLink
    {
        public string? TargetContentItemId { get => part.TargetContentItemId; set => part.TargetContentItemId = value; }

        public string? Url { get => part.Url; set => part.Url = value; }
    }
}
