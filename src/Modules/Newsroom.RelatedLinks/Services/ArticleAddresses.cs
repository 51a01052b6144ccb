using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Services;
using Newsroom.Data;

namespace Newsroom.RelatedLinks.Services;

/// <summary>
/// Turns an address an editor typed or pasted into the article it stands for: a public path
/// (<c>/india/night-trains</c>) or a full URL on this site's own host. Old paths count too (they
/// redirect to the article), so a link pasted from an old bookmark still finds its article. The id is
/// what gets stored, so the link follows the article through later slug and section changes.
/// </summary>
public sealed class ArticleAddresses(NewsroomDbContext db, IHttpContextAccessor http)
{
    /// <summary>
    /// The path of <paramref name="address"/> when it points at this site (a local path, or an absolute
    /// http(s) URL whose host is the request's host); null for an address elsewhere.
    /// </summary>
    public string? SitePath(string address)
    {
        var value = address.Trim();
        if (UrlRules.IsLocalPath(value))
        {
            return Path(value);
        }

        var host = http.HttpContext?.Request.Host;
        return UrlRules.IsHttpUrl(value)
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && host is { HasValue: true } h
            && string.Equals(uri.Authority, h.Value, StringComparison.OrdinalIgnoreCase)
            ? Path(uri.AbsolutePath)
            : null;
    }

    /// <summary>The article id of each path that is (or was) an article's public address; unknown paths are left out.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default)
    {
        if (paths.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        return await db.Set<ArticleRoute>().AsNoTracking()
            .Where(r => paths.Contains(r.Path))
            .ToDictionaryAsync(r => r.Path, r => r.ContentItemId, StringComparer.Ordinal, cancellationToken);
    }

    // Routes are stored without query, fragment or trailing slash.
    private static string Path(string value)
    {
        var end = value.IndexOfAny(['?', '#']);
        var path = end < 0 ? value : value[..end];
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
