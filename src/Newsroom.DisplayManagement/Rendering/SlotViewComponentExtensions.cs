using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Named slots in templates that another module may fill with a view component of that name
/// (e.g. the Advertising module's "AdPlacement"). When the module is disabled the slot stays empty,
/// so a template never depends on a module it cannot reference.
/// </summary>
public static class SlotViewComponentExtensions
{
    public static async Task<IHtmlContent> SlotAsync(this IViewComponentHelper components, ViewContext context, string componentName, object? arguments = null)
    {
        var selector = context.HttpContext.RequestServices.GetRequiredService<IViewComponentSelector>();
        return selector.SelectComponent(componentName) is null
            ? HtmlString.Empty
            : await components.InvokeAsync(componentName, arguments);
    }
}
