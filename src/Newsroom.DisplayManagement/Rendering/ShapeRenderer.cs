using System.Diagnostics;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Renders a shape with its Razor template, as <c>Html.PartialAsync</c> would, minus the parts a
/// shape does not need: the view lookup by path (the template is resolved once per name) and one
/// of the two view-data copies. A page shows 25 to 100 shapes, so these costs added up to more than
/// the templates themselves.
/// </summary>
public sealed class ShapeRenderer(
    ShapeTemplateResolver templates,
    IRazorViewEngine viewEngine,
    IRazorPageActivator pageActivator,
    HtmlEncoder htmlEncoder,
    DiagnosticListener diagnostics)
{
    public ShapeTemplateResolver Templates => templates;

    public async Task<IHtmlContent> RenderAsync(ViewContext parent, ShapeTemplate template, Shape shape)
    {
        var page = template.CreatePage();
        var view = new RazorView(viewEngine, pageActivator, [], page, htmlEncoder, diagnostics);
        using var writer = new HtmlContentWriter();
        var context = new ViewContext(parent, view, template.CreateViewData(parent.ViewData, shape), writer);
        await view.RenderAsync(context);
        return writer.Content;
    }
}
