using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Bylines.Indexes;

/// <summary>One row per published byline: its slug for author pages.</summary>
public sealed class BylineIndex
{
    public string ContentItemId { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";
}

/// <summary>Which published article credits which byline, in credit order.</summary>
public sealed class ArticleBylineIndex
{
    public long Id { get; set; }

    public string ArticleId { get; set; } = "";

    public string BylineId { get; set; } = "";

    public int Position { get; set; }

    public DateTime PublishedUtc { get; set; }
}

/// <summary>
/// Which article credits which byline in its latest version, published or not: the admin content list
/// shows each item's latest version, so its byline filter matches that version, not the live one in
/// <see cref="ArticleBylineIndex"/>.
/// </summary>
public sealed class ArticleLatestBylineIndex
{
    public string ArticleId { get; set; } = "";

    public string BylineId { get; set; } = "";
}

internal sealed class BylineModel : IModelContributor
{
    public void Configure(ModelBuilder model)
    {
        model.Entity<BylineIndex>(e =>
        {
            e.ToTable("BylineIndex");
            e.HasKey(x => x.ContentItemId);
        });
        model.Entity<ArticleBylineIndex>(e =>
        {
            e.ToTable("ArticleBylineIndex");
            e.HasKey(x => x.Id);
        });
        model.Entity<ArticleLatestBylineIndex>(e =>
        {
            e.ToTable("ArticleLatestBylineIndex");
            e.HasKey(x => new { x.ArticleId, x.BylineId });
        });
    }
}
