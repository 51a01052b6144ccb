using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.DisplayManagement.Rendering;

namespace Newsroom.DisplayManagement.Slots;

/// <summary>Renders a named slot of a page template: <c>@await Html.SlotAsync("Header")</c> (see <see cref="ISlotFiller"/>).</summary>
/// <remarks>
/// The fillers' shapes are rendered straight into the page. Slots were view components before; the
/// component machinery (argument binding, activation, a buffered writer, a logging scope) cost more
/// than the ad it showed, on every page, three times.
/// </remarks>
public static class SlotHtmlHelperExtensions
{
    public static async ValueTask<IHtmlContent> SlotAsync(this IHtmlHelper html, string slot)
    {
        var http = html.ViewContext.HttpContext;
        IHtmlContent? single = null;
        HtmlContentBuilder? many = null;
        foreach (var filler in http.RequestServices.GetServices<ISlotFiller>())
        {
            if (await filler.FillAsync(slot, http) is not { } shape)
            {
                continue;
            }

            var content = await html.ShapeAsync(shape);
            if (single is null)
            {
                single = content;
            }
            else
            {
                many ??= new HtmlContentBuilder([single]);
                many.AppendHtml(content);
            }
        }

        return many ?? single ?? HtmlString.Empty;
    }
}
