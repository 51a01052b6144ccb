using Microsoft.AspNetCore.Http;
using Newsroom.ContentManagement;

namespace Newsroom.DisplayManagement.Drivers;

/// <summary>What a display driver knows while it builds shapes for one content item.</summary>
public sealed class BuildDisplayContext(ContentItem contentItem, string displayType, IServiceProvider services, HttpContext? httpContext)
{
    public ContentItem ContentItem { get; } = contentItem;

    /// <summary>"Detail", "Summary", ...</summary>
    public string DisplayType { get; } = displayType;

    /// <summary>The request's services (scoped to the shell).</summary>
    public IServiceProvider Services { get; } = services;

    public HttpContext? HttpContext { get; } = httpContext;
}
