using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.Advertising.ViewModels;
using Newsroom.Articles.Drivers;
using Newsroom.Articles.Models;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Advertising.Drivers;

/// <summary>An ad slot block (explicit or inserted automatically) becomes an <see cref="AdSlotViewModel"/>, if the slot may show.</summary>
internal sealed class AdSlotBlockDisplayDriver(AdSlotQueries slots) : IBodyBlockDisplayDriver
{
    public async Task<Shape?> DisplayAsync(BodyBlock block, BodyDisplayContext context)
    {
        if (block is not AdSlotBlock ad)
        {
            return null;
        }

        var slot = await slots.FindShowableAsync(ad.SlotId, context.Article.Section);
        return slot is null ? HiddenBlockShape.Instance : ViewModelOf(slot);
    }

    public static AdSlotViewModel ViewModelOf(AdvertisementSlotPart slot)
    {
        var sizes = slot.Sizes.Select(AdSlotQueries.ParseSize).OfType<(int Width, int Height)>().ToList();
        var height = sizes.Count > 0 ? sizes.Max(s => s.Height) : slot.HouseAd?.Height ?? 90;
        return new AdSlotViewModel
        {
            Name = slot.Name,
            ReservedHeight = Math.Max(height, slot.HouseAd?.Height ?? 0),
            MaxWidth = sizes.Count > 0 ? sizes.Max(s => s.Width) : 0,
            HouseAd = slot.HouseAd,
            ProviderMarkup = slot.HouseAd is null ? slot.ProviderMarkup : null,
        };
    }
}
