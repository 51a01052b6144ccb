using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsroom.Advertising.Drivers;
using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.DisplayManagement.Shapes;
using Newsroom.DisplayManagement.Slots;

namespace Newsroom.Advertising.Slots;

/// <summary>
/// The page-level ad positions: the theme's "Header", "Sidebar" and "Footer" slots get the first
/// active slot of that placement for the page's section, shown with the same AdSlot template as
/// in-article ads. Other slot names, and a slot with nothing to show, are left empty.
/// </summary>
internal sealed class AdPlacementSlotFiller(AdSlotSelector slots) : ISlotFiller
{
    public async ValueTask<Shape?> FillAsync(string slot, HttpContext context)
    {
        AdPlacement? placement = slot switch
        {
            "Header" => AdPlacement.Header,
            "Sidebar" => AdPlacement.Sidebar,
            "Footer" => AdPlacement.Footer,
            _ => null,
        };
        if (placement is null)
        {
            return null;
        }

        var section = context.GetRouteValue("section") as string;
        var selected = await slots.SelectOneAsync(placement.Value, section, context.RequestAborted);
        return selected is { HasAd: true } ? AdSlotBlockDisplayDriver.ViewModelOf(selected.Part) : null;
    }
}
