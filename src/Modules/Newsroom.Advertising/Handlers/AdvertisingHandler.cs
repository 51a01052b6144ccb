using Microsoft.Extensions.DependencyInjection;
using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Advertising.Handlers;

/// <summary>
/// Advertisement slots: a name, known sizes only (an unknown size names <c>AdvertisementSlotPart.Sizes[i]</c>),
/// a schedule that starts before it ends, known sections, a house ad with safe links and dimensions.
/// Ad-slot blocks in a body must name an existing slot.
/// </summary>
public sealed class AdvertisingHandler(IServiceProvider services, IDocumentStore documents) : ContentHandler
{
    // Resolved when used: the content manager itself depends on the handlers.
    private IContentManager Contents => services.GetRequiredService<IContentManager>();

    /// <summary>Checks every slot the batch's bodies name at once; each item's check then reads it back.</summary>
    public override async Task ImportingAsync(ImportContext context) =>
        await Contents.GetLatestTypesAsync(context.Items
            .SelectMany(item => item.Peek<BodyPart>()?.Blocks ?? [])
            .OfType<AdSlotBlock>()
            .Select(b => b.SlotId)
            .Where(id => !string.IsNullOrWhiteSpace(id)));

    public override async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        if (context.Part<AdvertisementSlotPart>() is { } slot)
        {
            await ValidateSlotAsync(context, slot);
        }
        else if (item.ContentType == AdSlotSelector.ContentType)
        {
            context.Fail("AdvertisementSlotPart.Name", "is required.");
        }

        if (context.Part<BodyPart>() is { } body)
        {
            await ValidateBlocksAsync(context, body);
        }
    }

    private async Task ValidateSlotAsync(ValidateContentContext context, AdvertisementSlotPart slot)
    {
        var item = context.ContentItem;
        slot.Name = slot.Name?.Trim() ?? "";
        if (slot.Name.Length == 0)
        {
            context.Fail("AdvertisementSlotPart.Name", "is required.");
        }

        if (slot.Sizes.Count == 0)
        {
            context.Fail("AdvertisementSlotPart.Sizes", $"needs at least one size ({string.Join(", ", AdSizes.Known)}).");
        }

        for (var i = 0; i < slot.Sizes.Count; i++)
        {
            if (!AdSizes.IsKnown(slot.Sizes[i]))
            {
                context.Fail($"AdvertisementSlotPart.Sizes[{i}]", $"'{slot.Sizes[i]}' is not a known ad size (known: {string.Join(", ", AdSizes.Known)}).");
            }
        }

        slot.Sizes = slot.Sizes.Where(AdSizes.IsKnown).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();

        if (slot.ActiveFromUtc is { } from && slot.ActiveUntilUtc is { } until && from >= until)
        {
            context.Fail("AdvertisementSlotPart.ActiveUntilUtc", "must be later than ActiveFromUtc.");
        }

        var sections = (await documents.GetAsync<SiteSettings>()).Sections.Select(s => s.Slug).ToList();
        for (var i = 0; i < slot.Sections.Count; i++)
        {
            var match = sections.Find(s => string.Equals(s, slot.Sections[i]?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                context.Fail($"AdvertisementSlotPart.Sections[{i}]", $"'{slot.Sections[i]}' is not a section of this site.");
            }
            else
            {
                slot.Sections[i] = match;
            }
        }

        if (slot.HouseAd is { } house)
        {
            if (!UrlRules.IsLocalOrHttpUrl(house.ImageSrc))
            {
                context.Fail("AdvertisementSlotPart.HouseAd.ImageSrc", $"'{house.ImageSrc}' must be a path on this site (/media/...) or an http(s) URL.");
            }

            if (house.Width <= 0 || house.Height <= 0)
            {
                context.Fail("AdvertisementSlotPart.HouseAd.Width", "a house ad needs a width and a height greater than 0.");
            }

            if (!UrlRules.IsLocalOrHttpUrl(house.LinkUrl))
            {
                context.Fail("AdvertisementSlotPart.HouseAd.LinkUrl", $"'{house.LinkUrl}' must be a path on this site or an http(s) URL.");
            }
        }

        if (context.Errors.Count == 0 && item.DisplayText != slot.Name)
        {
            item.DisplayText = slot.Name;
        }
    }

    private async Task ValidateBlocksAsync(ValidateContentContext context, BodyPart body)
    {
        var blocks = body.Blocks.Select((block, index) => (Block: block as AdSlotBlock, Index: index)).Where(b => b.Block is not null).ToList();
        if (blocks.Count == 0)
        {
            return;
        }

        var ids = blocks.Select(b => b.Block!.SlotId).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        var types = await Contents.GetLatestTypesAsync(ids);
        foreach (var (block, index) in blocks)
        {
            if (string.IsNullOrWhiteSpace(block!.SlotId) || types.GetValueOrDefault(block.SlotId) != AdSlotSelector.ContentType)
            {
                context.Fail($"BodyPart.Blocks[{index}].SlotId", $"advertisement slot '{block.SlotId}' does not exist.");
            }
        }
    }
}
