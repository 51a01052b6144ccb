using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Newsroom.Data;

/// <summary>The site's settings document (the recipe <c>settings</c> step writes it).</summary>
public sealed class SiteSettings
{
    public string SiteName { get; set; } = "Newsroom";

    /// <summary>IANA or Windows id; dates are shown in this zone.</summary>
    public string TimeZone { get; set; } = "UTC";

    public string Culture { get; set; } = "en";

    /// <summary>Absolute base URL for feeds, sitemaps and canonical links; empty to use the request's.</summary>
    public string? BaseUrl { get; set; }

    public List<SectionSettings> Sections { get; set; } = [];

    /// <summary>Set when the setup recipe has run.</summary>
    public bool SetupCompleted { get; set; }

    /// <summary>Settings of modules, each under its own name, kept as JSON.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; set; }

    public TimeZoneInfo FindTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}

public sealed class SectionSettings
{
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";
}
