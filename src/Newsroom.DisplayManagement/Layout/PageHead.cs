using Microsoft.AspNetCore.Http;

namespace Newsroom.DisplayManagement.Layout;

/// <summary>
/// What a page tells the layout about itself (title, description, canonical and paging links).
/// Kept per request so controllers, drivers and views can all contribute.
/// </summary>
public sealed class PageHead
{
    private static readonly object s_key = new();

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Canonical { get; set; }

    public string? PrevUrl { get; set; }

    public string? NextUrl { get; set; }

    /// <summary>e.g. "noindex" for the not-found page.</summary>
    public string? Robots { get; set; }

    /// <summary>A class on &lt;body&gt; so the theme can style page kinds (article, home, section...).</summary>
    public string? BodyClass { get; set; }

    public static PageHead For(HttpContext context)
    {
        if (context.Items.TryGetValue(s_key, out var value) && value is PageHead head)
        {
            return head;
        }

        head = new PageHead();
        context.Items[s_key] = head;
        return head;
    }
}
