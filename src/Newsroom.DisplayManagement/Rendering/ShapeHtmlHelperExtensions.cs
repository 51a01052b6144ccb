using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>Rendering shapes from Razor: <c>@await Html.ShapeAsync(Model.Header)</c>, <c>@await Html.ZoneAsync(Model, "Header")</c>.</summary>
/// <remarks>
/// Value tasks: a shape's template almost always finishes without waiting, and a page renders 25 to
/// 100 shapes through two or three of these calls each, so a <see cref="Task{T}"/> per call was a
/// steady share of what every page allocated.
/// </remarks>
public static class ShapeHtmlHelperExtensions
{
    /// <summary>Renders a shape with the first template found among its alternates.</summary>
    public static async ValueTask<IHtmlContent> ShapeAsync(this IHtmlHelper html, Shape? shape)
    {
        if (shape is null)
        {
            return HtmlString.Empty;
        }

        var http = html.ViewContext.HttpContext;
        var renderer = http.RequestServices.GetRequiredService<ShapeRenderer>();
        var template = renderer.Templates.Resolve(shape) ?? throw new InvalidOperationException(
            $"No template for shape '{shape.Metadata.Type}': looked for "
            + string.Join(", ", shape.Metadata.TemplateCandidates().Select(ShapeTemplateResolver.PathOf)) + ".");
        var content = await renderer.RenderAsync(html.ViewContext, template, shape);
        if (!TemplateTrace.IsEnabled(http))
        {
            return content;
        }

        var tried = string.Join(", ", shape.Metadata.TemplateCandidates());
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<!-- " + TemplateTrace.CommentSafe(
            $"shape {shape.Metadata.Type} ({shape.Metadata.DisplayType}) tried: {tried}; template: {template.Path} from {template.Assembly}") + " -->");
        builder.AppendHtml($"<div data-template=\"{HtmlEncoder.Default.Encode(template.Path)}\" data-template-assembly=\"{HtmlEncoder.Default.Encode(template.Assembly)}\" style=\"display:contents\">");
        builder.AppendHtml(content);
        builder.AppendHtml("</div>");
        builder.AppendHtml("<!-- /shape " + TemplateTrace.CommentSafe(shape.Metadata.Type) + " -->");
        return builder;
    }

    /// <summary>Renders the shapes of one zone of a content shape, in position order.</summary>
    public static async ValueTask<IHtmlContent> ZoneAsync(this IHtmlHelper html, ContentShape content, string zone)
    {
        // Most zones hold none or one shape (every summary has three zones): no builder for those.
        var shapes = content.Zone(zone);
        switch (shapes.Count)
        {
            case 0:
                return HtmlString.Empty;
            case 1:
                return await html.ShapeAsync(shapes[0]);
        }

        var builder = new HtmlContentBuilder(shapes.Count);
        foreach (var shape in shapes)
        {
            builder.AppendHtml(await html.ShapeAsync(shape));
        }

        return builder;
    }
}
