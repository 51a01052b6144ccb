using Newsroom.ContentManagement;

namespace Newsroom.Articles.Services;

/// <summary>
/// Reads, in one query, what the Summary displays of a list of items will need, before
/// <see cref="ArticleSummaries"/> builds them one by one (else every summary's driver queries on its
/// own: one query per article on a list page). Modules whose drivers read per item register one
/// with <c>services.AddScoped&lt;ISummaryPrefetcher, X&gt;()</c>, reading into their scoped caches.
/// </summary>
public interface ISummaryPrefetcher
{
    Task PrefetchAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default);
}
