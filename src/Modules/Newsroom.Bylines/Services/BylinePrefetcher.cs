using Newsroom.Articles.Services;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;

namespace Newsroom.Bylines.Services;

/// <summary>Reads every byline a list of summaries credits in one query (the credit line's driver then reads the cache).</summary>
internal sealed class BylinePrefetcher(BylineQueries queries) : ISummaryPrefetcher
{
    public Task PrefetchAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default) =>
        queries.ReadAsync(items.SelectMany(i => i.Peek<BylinesPart>()?.BylineIds ?? []), cancellationToken);
}
