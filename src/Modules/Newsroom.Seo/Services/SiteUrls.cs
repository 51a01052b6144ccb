using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Data;

namespace Newsroom.Seo.Services;

/// <summary>
/// Absolute addresses for feeds, sitemaps and canonical links: from <see cref="SiteSettings.BaseUrl"/>
/// when set (so every node and every proxy gives the same URLs), else from the current request.
/// </summary>
public interface ISiteUrls
{
    /// <summary>The site's base address, always ending with <c>/</c>.</summary>
    Task<Uri> BaseUriAsync(CancellationToken cancellationToken = default);

    /// <summary><paramref name="path"/> (starting with <c>/</c>) made absolute.</summary>
    Task<Uri> AbsoluteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The current public path of each article, from <c>ArticleRoutes</c> (else <c>/{section}/{slug}</c>).</summary>
    Task<IReadOnlyDictionary<string, string>> ArticlePathsAsync(IReadOnlyCollection<ArticleIndex> articles, CancellationToken cancellationToken = default);
}

public sealed class SiteUrls(IDocumentStore documents, NewsroomDbContext db, IHttpContextAccessor http) : ISiteUrls
{
    // Scoped, so this is one request's answer: an article page asks for it twice (canonical URL, metadata).
    private Uri? _baseUri;

    public async Task<Uri> BaseUriAsync(CancellationToken cancellationToken = default) => _baseUri ??= await FindBaseUriAsync(cancellationToken);

    private async Task<Uri> FindBaseUriAsync(CancellationToken cancellationToken)
    {
        var settings = await documents.GetAsync<SiteSettings>(cancellationToken);
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl)
            && Uri.TryCreate(settings.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var configured))
        {
            return configured;
        }

        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException("SiteSettings.BaseUrl is not set and there is no request to take the address from.");
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }

    public async Task<Uri> AbsoluteAsync(string path, CancellationToken cancellationToken = default) =>
        Combine(await BaseUriAsync(cancellationToken), path);

    public async Task<IReadOnlyDictionary<string, string>> ArticlePathsAsync(IReadOnlyCollection<ArticleIndex> articles, CancellationToken cancellationToken = default)
    {
        var ids = articles.Select(a => a.ContentItemId).ToList();
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Set<ArticleRoute>().AsNoTracking()
                .Where(r => r.IsCurrent && chunk.Contains(r.ContentItemId))
                .Select(r => new { r.ContentItemId, r.Path })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                routes[row.ContentItemId] = row.Path;
            }
        }

        foreach (var article in articles)
        {
            if (!routes.ContainsKey(article.ContentItemId))
            {
                routes[article.ContentItemId] = Articles.Services.ArticleRoutes.PathFor(article.Section, article.Slug);
            }
        }

        return routes;
    }

    public static Uri Combine(Uri baseUri, string path) =>
        // A path starting with "/" never parses as an http(s) URL (on Unix it parses as a file path),
        // so the common case skips that parse: it cost a Uri per link in every article's head.
        !path.StartsWith('/') && Uri.TryCreate(path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? absolute
            : new Uri(baseUri, path.TrimStart('/'));
}
