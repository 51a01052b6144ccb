using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Renders a shape with its Razor template, as <c>Html.PartialAsync</c> would, minus the parts a
/// shape does not need. A page shows 25 to 100 shapes, so these costs added up to more than the
/// templates themselves: the view lookup by path (the template is resolved once per name), one of
/// the two view-data copies, and the <see cref="RazorView"/> around the page, which buffers what
/// the page writes and copies it out again, looks for view starts and layouts a shape never has,
/// and raises a view-page diagnostic event per shape; and MVC's page activator (see
/// <see cref="ShapePageActivation"/>). The page here writes straight into the pieces its parent places.
/// </summary>
public sealed class ShapeRenderer(ShapeTemplateResolver templates)
{
    public ShapeTemplateResolver Templates => templates;

    public async ValueTask<IHtmlContent> RenderAsync(ViewContext parent, ShapeTemplate template, Shape shape)
    {
        var page = template.CreatePage();
        using var writer = new HtmlContentWriter(template.ExpectedPieces);
        var context = new ViewContext(parent, parent.View, template.CreateViewData(parent.ViewData, shape), writer)
        {
            ExecutingFilePath = page.Path,
        };
        page.ViewContext = context;
        template.Activate(page, context);
        await page.ExecuteAsync();
        if (!string.IsNullOrEmpty(page.Layout))
        {
            // A layout would wrap the shape's output; nothing renders it here, so say so instead of dropping it.
            throw new InvalidOperationException($"Shape template '{template.Path}' sets Layout; shape templates render without one.");
        }

        template.RememberPieces(writer.Count);
        return writer.Content;
    }
}
