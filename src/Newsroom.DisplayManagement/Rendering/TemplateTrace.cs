using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// "Which template rendered this?" In Development only, <c>?trace=templates</c> wraps every shape in
/// HTML comments naming the shape, the alternates tried, the template file and its assembly, and
/// puts the same on a <c>data-template</c> attribute of the shape's first element when it has one.
/// Never on in Production: template paths are an implementation detail.
/// </summary>
public static class TemplateTrace
{
    public const string QueryKey = "trace";
    public const string QueryValue = "templates";

    public static bool IsEnabled(HttpContext context)
    {
        if (!string.Equals(context.Request.Query[QueryKey], QueryValue, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var environment = context.RequestServices.GetService<IWebHostEnvironment>();
        return environment?.IsDevelopment() == true;
    }

    /// <summary>Text safe inside an HTML comment ("--" would end it early).</summary>
    public static string CommentSafe(string text) => text.Replace("--", "- -", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
