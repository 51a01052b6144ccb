using Newsroom.Articles.Models;

namespace Newsroom.Articles.Services;

/// <summary>
/// The one rule for an article's public address, shared by the index handler (route table), the
/// display (links) and feeds/sitemaps: <c>/{section}/{slug}</c>, or <c>/news/{slug}</c> without a section.
/// </summary>
public static class ArticleRoutes
{
    /// <summary>The first segment of articles that have no section.</summary>
    public const string DefaultSection = "news";

    public static string PathFor(ArticlePart part) => PathFor(part.Section, part.Slug);

    public static string PathFor(string? section, string slug) =>
        $"/{(string.IsNullOrWhiteSpace(section) ? DefaultSection : section)}/{slug}";

    /// <summary>
    /// Whether <paramref name="path"/> has the shape every article path has: two non-empty segments.
    /// Slugs and sections are normalized (no '/'), so the home, section, tag and author pages are
    /// never article paths and need no route lookup.
    /// </summary>
    public static bool CouldBeArticlePath(string path)
    {
        var second = path.Length > 1 && path[0] == '/' ? path.IndexOf('/', 1) : -1;
        return second > 1 && second < path.Length - 1 && path.IndexOf('/', second + 1) < 0;
    }
}
