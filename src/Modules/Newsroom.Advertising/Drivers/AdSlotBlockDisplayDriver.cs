using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.Advertising.ViewModels;
using Newsroom.Articles.Drivers;
using Newsroom.Articles.Models;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Advertising.Drivers;

/// <summary>
/// An ad slot block (explicit or inserted automatically) becomes an <see cref="AdSlotViewModel"/>
/// when the slot is published, active now and targets the article's section; else nothing shows.
/// </summary>
internal sealed class AdSlotBlockDisplayDriver(AdSlotSelector slots) : IBodyBlockDisplayDriver
{
    public async Task<Shape?> DisplayAsync(BodyBlock block, BodyDisplayContext context)
    {
        if (block is not AdSlotBlock ad)
        {
            return null;
        }

        var slot = await slots.FindActiveAsync(ad.SlotId, context.Article.Section);
        return slot is { HasAd: true } ? ViewModelOf(slot.Part) : HiddenBlockShape.Instance;
    }

    public static AdSlotViewModel ViewModelOf(AdvertisementSlotPart slot)
    {
        var sizes = slot.Sizes.Select(AdSizes.Dimensions).OfType<(int Width, int Height)>().ToList();
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
