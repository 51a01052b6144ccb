using System.Globalization;
using Newsroom.Data;

namespace Newsroom.Workflow.Services;

/// <summary>
/// Editors type instants in the site's time zone (<see cref="SiteSettings.TimeZone"/>); the database
/// keeps UTC. Converts both ways and describes the conversion so the editor sees what was understood.
/// </summary>
public sealed class SiteTime(IDocumentStore documents)
{
    public const string InputFormat = "yyyy-MM-ddTHH:mm";

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<SiteSettings>(cancellationToken)).FindTimeZone();

    /// <summary>
    /// The UTC instant of a wall-clock time in the site's zone, e.g. "2026-11-27T18:30" in Asia/Kolkata is 13:00 UTC.
    /// A time skipped by a daylight-saving jump is refused (null with an error).
    /// </summary>
    public async Task<(DateTime? Utc, string? Error)> ToUtcAsync(string? local, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(local))
        {
            return (null, null);
        }

        if (!DateTime.TryParseExact(local.Trim(), [InputFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return (null, $"'{local}' is not a date and time (use {InputFormat}).");
        }

        var zone = await ZoneAsync(cancellationToken);
        return ToUtc(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), zone);
    }

    public static (DateTime? Utc, string? Error) ToUtc(DateTime wall, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(wall))
        {
            return (null, $"{wall:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it).");
        }

        return (TimeZoneInfo.ConvertTimeToUtc(wall, zone), null);
    }

    /// <summary>The value for an <c>input type="datetime-local"</c> in the site's zone.</summary>
    public static string ToInput(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(value, zone).ToString(InputFormat, CultureInfo.InvariantCulture) : "";

    /// <summary>"2026-11-27 18:30 Asia/Kolkata (13:00 UTC)": what the editor sees after choosing a time.</summary>
    public static string Describe(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value
            ? $"{TimeZoneInfo.ConvertTimeFromUtc(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone.Id} ({value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)"
            : "";
}
