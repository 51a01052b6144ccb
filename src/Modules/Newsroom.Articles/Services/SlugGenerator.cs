using System.Collections.Frozen;
using System.Text;
using AnyAscii;

namespace Newsroom.Articles.Services;

/// <summary>
/// Turns any text into a URL slug: lower-case ASCII letters and digits joined by single hyphens.
/// Non-Latin scripts are transliterated (AnyAscii: "Привет мир" → "privet-mir", "北京" → "beijing"),
/// so an article gets a readable address whatever the language of its headline. Used for article
/// slugs, byline slugs and tag slugs, so every public address follows one rule.
/// </summary>
public static class SlugGenerator
{
    /// <summary>The longest slug kept (the index column holds 100 characters).</summary>
    public const int MaxLength = 100;

    // First path segments the site (or a module) owns: an article slug equal to one of them would
    // shadow, or be shadowed by, a page of the site.
    private static readonly FrozenSet<string> s_reserved = new[]
    {
        "admin", "api", "feed", "feeds", "login", "logout", "search", "tag", "author", "media", "health",
        "sitemap", "sitemap.xml", "robots.txt", "corrections", "preview", "rss", "atom", "static", "assets",
        "_content", "account", "users", "setup",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Reserved => s_reserved;

    /// <summary>The slug of <paramref name="text"/>; empty when nothing usable is left (e.g. only punctuation).</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var ascii = text.Normalize(NormalizationForm.FormC).Transliterate();
        var slug = new StringBuilder(Math.Min(ascii.Length, MaxLength + 1));
        var pendingHyphen = false;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
                if (slug.Length > MaxLength)
                {
                    break;
                }
            }
            else if (c is not '\'')
            {
                // Apostrophes join ("India's" → "indias"); everything else separates words.
                pendingHyphen = true;
            }
        }

        return Truncate(slug.ToString());
    }

    /// <summary>True when <paramref name="slug"/> is a path segment the site keeps for itself.</summary>
    public static bool IsReserved(string slug) => s_reserved.Contains(slug);

    /// <summary>A slug made from an item id, for text that has no letters or digits in any script.</summary>
    public static string FromId(string prefix, string contentItemId) => $"{prefix}-{IdHash(contentItemId, 12)}";

    /// <summary><paramref name="slug"/> with a short piece of the item id appended, to make it unique.</summary>
    public static string WithIdSuffix(string slug, string contentItemId)
    {
        var suffix = "-" + IdHash(contentItemId, 8);
        return Truncate(slug, MaxLength - suffix.Length) + suffix;
    }

    // A hash of the whole id, not a piece of it: generated ids are version-7 GUIDs whose leading
    // characters are a timestamp that changes about once a minute, and imported ids follow any
    // pattern, so no fixed slice of the id is reliably different between items.
    private static string IdHash(string contentItemId, int length) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contentItemId)))[..length];

    // Cut at a word boundary so a long headline does not end in half a word.
    private static string Truncate(string slug, int max = MaxLength)
    {
        if (slug.Length <= max)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', max);
        return (cut > 0 ? slug[..cut] : slug[..max]).TrimEnd('-');
    }
}
