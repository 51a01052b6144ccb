using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Newsroom.Advertising.Models;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Caching;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;

namespace Newsroom.Advertising.Services;

/// <summary>A published advertisement slot.</summary>
public sealed record AdSlot(string ContentItemId, AdvertisementSlotPart Part)
{
    public bool IsActiveAt(DateTime utc) =>
        (Part.ActiveFromUtc is not { } from || from <= utc) && (Part.ActiveUntilUtc is not { } until || utc < until);

    /// <summary>Has something to show: a house ad or the provider's markup.</summary>
    public bool HasAd => Part.HouseAd is not null || !string.IsNullOrWhiteSpace(Part.ProviderMarkup);

    public bool Targets(string? section) =>
        Part.Sections.Count == 0
        || (section is not null && Part.Sections.Contains(section, StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// Picks the ad slots to show: published slots for a placement and section that are active now
/// (site clock). There are only a handful: all published slots are read at once, shared between
/// requests through <see cref="IPublishedCache"/>, and filtered by time on every request.
/// A public page that asks depends on every slot and on the clock: publishing or withdrawing any slot
/// evicts it from the output cache, and it is kept no later than the next start or end of a slot.
/// </summary>
public sealed class AdSlotSelector(NewsroomDbContext db, IPublishedCache cache, TimeProvider clock, IHttpContextAccessor http)
{
    public const string ContentType = "AdvertisementSlot";

    private List<AdSlot>? _slots;

    /// <summary>Active slots for <paramref name="placement"/> in <paramref name="section"/> (null: pages outside sections), by name.</summary>
    public Task<IReadOnlyList<AdSlot>> SelectAsync(AdPlacement placement, string? section, CancellationToken cancellationToken = default) =>
        SelectAsync(placement, section, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>Active slots at <paramref name="atUtc"/> (previews of a scheduled page, tests).</summary>
    public async Task<IReadOnlyList<AdSlot>> SelectAsync(AdPlacement placement, string? section, DateTime atUtc, CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken))
            .Where(s => s.Part.Placement == placement && s.IsActiveAt(atUtc) && s.Targets(section))
            .ToList();

    /// <summary>The first active slot for the placement and section, or null.</summary>
    public async Task<AdSlot?> SelectOneAsync(AdPlacement placement, string? section, CancellationToken cancellationToken = default)
    {
        var slots = await SelectAsync(placement, section, cancellationToken);
        return slots.Count > 0 ? slots[0] : null;
    }

    /// <summary>
    /// The slot an explicit ad-slot block names, when it is published, active now and targets the
    /// section; otherwise null (the block renders nothing).
    /// </summary>
    public async Task<AdSlot?> FindActiveAsync(string slotId, string? section, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await LoadAsync(cancellationToken)).Find(s => s.ContentItemId == slotId && s.IsActiveAt(now) && s.Targets(section));
    }

    private async Task<List<AdSlot>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_slots is not null)
        {
            return _slots;
        }

        _slots = await cache.GetOrAddAsync("advertising:slots", ReadAsync, 16 * 1024, cancellationToken);
        if (http.HttpContext is { } page)
        {
            ShownOn(page, _slots);
        }

        return _slots;
    }

    private void ShownOn(HttpContext page, List<AdSlot> slots)
    {
        PublicPageContent.For(page).ContentTypes.Add(ContentType);
        var now = clock.GetUtcNow().UtcDateTime;
        if (slots.SelectMany(s => new[] { s.Part.ActiveFromUtc, s.Part.ActiveUntilUtc }).Where(t => t > now).Min() is { } next)
        {
            PublicPageContent.ChangesAt(page, next, now);
        }
    }

    private async Task<List<AdSlot>> ReadAsync(CancellationToken cancellationToken)
    {
        var records = await db.Set<ContentItemRecord>().AsNoTracking()
            .Where(r => r.ContentType == ContentType && r.Published && !r.Deleted)
            .Select(r => new { r.ContentItemId, r.Data })
            .ToListAsync(cancellationToken);
        var slots = new List<AdSlot>(records.Count);
        foreach (var record in records)
        {
            var item = new ContentItem { ContentItemId = record.ContentItemId, ContentType = ContentType };
            item.LoadContent(record.Data);
            if (item.Content[nameof(AdvertisementSlotPart)] is { } json && json.Deserialize<AdvertisementSlotPart>(ContentJson.Options) is { } part)
            {
                slots.Add(new AdSlot(record.ContentItemId, part));
            }
        }

        return slots.OrderBy(s => s.Part.Name, StringComparer.Ordinal).ToList();
    }
}
