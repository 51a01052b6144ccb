using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Articles.Indexes;

/// <summary>One row per published article: what lists, feeds and sitemaps need without reading the JSON.</summary>
public sealed class ArticleIndex
{
    public string ContentItemId { get; set; } = "";

    public string ContentItemVersionId { get; set; } = "";

    public string Slug { get; set; } = "";

    public string? Section { get; set; }

    public string Headline { get; set; } = "";

    public string? Dek { get; set; }

    public string? LeadImageSrc { get; set; }

    public DateTime PublishedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>Tags of published articles, one row per article and tag.</summary>
public sealed class ArticleTagIndex
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    /// <summary>Lower-case ASCII slug of the tag, as in <c>/tag/{slug}</c>.</summary>
    public string TagSlug { get; set; } = "";

    public string Tag { get; set; } = "";

    public DateTime PublishedUtc { get; set; }
}

/// <summary>
/// Every public path an article has had. The current one serves the article; the others answer
/// 301 to it. Paths survive unpublishing so the site can answer 410 Gone.
/// </summary>
public sealed class ArticleRoute
{
    public string Path { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    public bool IsCurrent { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// One row per article (not deleted) holding its latest version's section, published or not: the admin
/// content list shows each item's latest version, so its section filter must match that version, not
/// the live one in <see cref="ArticleIndex"/>.
/// </summary>
public sealed class ArticleLatestIndex
{
    public string ContentItemId { get; set; } = "";

    public string? Section { get; set; }
}

internal sealed class ArticleModel : IModelContributor
{
    public void Configure(ModelBuilder model)
    {
        model.Entity<ArticleIndex>(e =>
        {
            e.ToTable("ArticleIndex");
            e.HasKey(x => x.ContentItemId);
        });
        model.Entity<ArticleTagIndex>(e =>
        {
            e.ToTable("ArticleTagIndex");
            e.HasKey(x => x.Id);
        });
        model.Entity<ArticleRoute>(e =>
        {
            e.ToTable("ArticleRoutes");
            e.HasKey(x => x.Path);
        });
        model.Entity<ArticleLatestIndex>(e =>
        {
            e.ToTable("ArticleLatestIndex");
            e.HasKey(x => x.ContentItemId);
        });
    }
}
