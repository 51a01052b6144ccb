using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Routing;
using Newsroom.Advertising.Drivers;
using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.DisplayManagement.Rendering;

namespace Newsroom.Advertising.ViewComponents;

/// <summary>
/// The page-level ad positions (header, sidebar, footer): the first active slot for the placement
/// and the page's section, rendered with the same AdSlot template as in-article ads.
/// Used from templates as <c>@await Component.SlotAsync(ViewContext, "AdPlacement", new { placement = "Header" })</c>.
/// </summary>
public sealed class AdPlacementViewComponent(AdSlotSelector slots) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string placement)
    {
        if (!Enum.TryParse<AdPlacement>(placement, ignoreCase: true, out var where) || where == AdPlacement.InArticle)
        {
            return Content("");
        }

        var section = HttpContext.GetRouteValue("section") as string;
        var slot = await slots.SelectOneAsync(where, section, HttpContext.RequestAborted);
        if (slot is null || (slot.Part.HouseAd is null && string.IsNullOrWhiteSpace(slot.Part.ProviderMarkup)))
        {
            return Content("");
        }

        // The AdSlot shape straight into the page: a component view around it cost a view lookup
        // and a buffered Razor view per placement, three per page.
        return new HtmlContentViewComponentResult(await ViewContext.ShapeAsync(AdSlotBlockDisplayDriver.ViewModelOf(slot.Part)));
    }
}
