namespace Newsroom.OutputCache;

/// <summary>Configuration section <c>Newsroom:OutputCache</c>.</summary>
public sealed class OutputCacheSettings
{
    public const string Section = "Newsroom:OutputCache";

    /// <summary>False turns output caching, ETags and the public Cache-Control off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>What CDNs and browsers may keep a page (Cache-Control max-age), in seconds.</summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// How long the server keeps a page. Long, because publishing evicts the affected pages; the
    /// limit only bounds memory held by pages nobody changes.
    /// </summary>
    public int ServerDurationSeconds { get; set; } = 3600;

    /// <summary>
    /// Memory for the rendered bytes of cached pages answered before the shell pipeline runs
    /// (HotPages/), in megabytes; 0 turns that shortcut off. Pages beyond it are still output-cached.
    /// </summary>
    public int HotPagesMegabytes { get; set; } = 64;
}

/// <summary>Configuration section <c>Newsroom:Cdn</c>.</summary>
public sealed class CdnSettings
{
    public const string Section = "Newsroom:Cdn";

    /// <summary>When set, the changed paths are POSTed here as JSON after each publish.</summary>
    public string? PurgeUrl { get; set; }
}
