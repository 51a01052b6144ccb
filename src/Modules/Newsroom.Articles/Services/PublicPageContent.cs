using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace Newsroom.Articles.Services;

/// <summary>
/// What the current public page shows, recorded by the controllers and display drivers that render
/// it. Newsroom.OutputCache (which depends on this module, not the other way round) turns it into
/// cache tags, so that publishing any of it evicts the page.
/// </summary>
public sealed class PublicPageContent
{
    /// <summary>
    /// The output cache policy public page controllers name in <c>[OutputCache]</c>; Newsroom.OutputCache
    /// registers it (without that module there is no output caching and the attribute is inert).
    /// </summary>
    public const string CachePolicyName = "public-page";

    private static readonly object s_key = new();

    /// <summary>Content items shown: the article itself, list entries, related-link targets.</summary>
    public HashSet<string> ItemIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Bylines whose name or photo is shown.</summary>
    public HashSet<string> BylineIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Bylines whose list of articles is shown (author pages).</summary>
    public HashSet<string> BylineListIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Sections whose latest articles are listed.</summary>
    public HashSet<string> Sections { get; } = new(StringComparer.Ordinal);

    /// <summary>Tags whose articles are listed.</summary>
    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Content types the page picked items of by rule rather than by id (ad slots, by placement,
    /// section and schedule): publishing, withdrawing or removing any item of the type evicts the page,
    /// since a new one may now be picked.
    /// </summary>
    public HashSet<string> ContentTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>The page lists the site's latest articles (home, not-found page).</summary>
    public bool ListsLatest { get; set; }

    /// <summary>
    /// The page shows something that changes by itself at <paramref name="changesAtUtc"/> (a scheduled
    /// ad starts or ends) rather than when content is published: an output-cached copy is kept no
    /// longer than that. Call it while the page renders: the output cache fixes a page's lifetime
    /// when the response starts, before any middleware after it runs.
    /// </summary>
    public static void ChangesAt(HttpContext context, DateTime changesAtUtc, DateTime nowUtc)
    {
        var within = changesAtUtc - nowUtc;
        if (within > TimeSpan.Zero
            && context.Features.Get<IOutputCacheFeature>()?.Context is { } output
            && (output.ResponseExpirationTimeSpan is not { } kept || within < kept))
        {
            output.ResponseExpirationTimeSpan = within;
        }
    }

    /// <summary>The record of <paramref name="context"/>'s page, created on first use.</summary>
    public static PublicPageContent For(HttpContext context)
    {
        if (context.Items.TryGetValue(s_key, out var value) && value is PublicPageContent content)
        {
            return content;
        }

        content = new PublicPageContent();
        context.Items[s_key] = content;
        return content;
    }

    /// <summary>The record of <paramref name="context"/>'s page if anything was recorded.</summary>
    public static PublicPageContent? Find(HttpContext context) =>
        context.Items.TryGetValue(s_key, out var value) ? value as PublicPageContent : null;
}
