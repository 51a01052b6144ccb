namespace Newsroom.ContentManagement.Caching;

/// <summary>Configuration section <c>Newsroom:PublishedCache</c>.</summary>
public sealed class PublishedCacheSettings
{
    public const string Section = "Newsroom:PublishedCache";

    /// <summary>The size an entry counts for when its caller gives none: an index row or two.</summary>
    public const int DefaultEntrySize = 512;

    /// <summary>How long a change committed by another node can go unnoticed here.</summary>
    public static TimeSpan RecheckInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>False makes every read go to the database (to measure what the cache saves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory for cached published reads, in megabytes (the sum of the entries' sizes).</summary>
    public int Megabytes { get; set; } = 32;
}
