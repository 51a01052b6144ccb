using Newsroom.Advertising.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Queries;

namespace Newsroom.Advertising.Services;

/// <summary>Published advertisement slots, as the public pages may show them (active now, targeting the section).</summary>
public sealed class AdSlotQueries(IContentManager contentManager, ContentListService lists, TimeProvider clock)
{
    private IReadOnlyList<ContentItem>? _published;

    /// <summary>The published slot, when it is active now and targets <paramref name="section"/>; else null.</summary>
    public async Task<AdvertisementSlotPart?> FindShowableAsync(string slotId, string? section, CancellationToken cancellationToken = default)
    {
        var item = await contentManager.GetAsync(slotId, VersionOptions.Published, cancellationToken);
        return item is { Published: true } && item.Has<AdvertisementSlotPart>() && IsShowable(item.As<AdvertisementSlotPart>(), section)
            ? item.As<AdvertisementSlotPart>()
            : null;
    }

    /// <summary>Published in-article slots that may show now in <paramref name="section"/>, by name.</summary>
    public async Task<IReadOnlyList<(string Id, AdvertisementSlotPart Slot)>> InArticleSlotsAsync(string? section, CancellationToken cancellationToken = default)
    {
        if (_published is null)
        {
            var page = await lists.ListAsync(
                new ContentListQuery { ContentTypes = ["AdvertisementSlot"], Status = ContentStatus.Published, PageSize = ContentListService.MaxPageSize, IncludeTotal = false },
                cancellationToken);
            _published = await contentManager.GetManyAsync(page.Items.Select(i => i.ContentItemId), VersionOptions.Published, cancellationToken);
        }

        return _published
            .Where(i => i.Published && i.Has<AdvertisementSlotPart>())
            .Select(i => (i.ContentItemId, Slot: i.As<AdvertisementSlotPart>()))
            .Where(x => x.Slot.Placement == AdPlacement.InArticle && IsShowable(x.Slot, section))
            .OrderBy(x => x.Slot.Name, StringComparer.Ordinal)
            .ToList();
    }

    public bool IsShowable(AdvertisementSlotPart slot, string? section)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (slot.ActiveFromUtc is null || slot.ActiveFromUtc <= now)
            && (slot.ActiveUntilUtc is null || now < slot.ActiveUntilUtc)
            && (slot.Sections.Count == 0 || (section is not null && slot.Sections.Contains(section)))
            && (slot.HouseAd is not null || !string.IsNullOrWhiteSpace(slot.ProviderMarkup));
    }

    /// <summary>"728x90" → (728, 90); "fluid" and anything unknown → null.</summary>
    public static (int Width, int Height)? ParseSize(string size)
    {
        var parts = size.Split('x', 'X', '×');
        return parts.Length == 2 && int.TryParse(parts[0], out var w) && int.TryParse(parts[1], out var h) && w > 0 && h > 0 ? (w, h) : null;
    }
}
