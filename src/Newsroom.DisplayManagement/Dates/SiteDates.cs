using Newsroom.Data;

namespace Newsroom.DisplayManagement.Dates;

/// <summary>Formats instants in the site's time zone (from <see cref="SiteSettings.TimeZone"/>).</summary>
public sealed class SiteDates(IDocumentStore documents)
{
    private TimeZoneInfo? _zone;

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken = default) =>
        _zone ??= (await documents.GetAsync<SiteSettings>(cancellationToken)).FindTimeZone();

    public async Task<string> DateAndTimeAsync(DateTime utc) => NewsDateFormat.DateAndTime(utc, await ZoneAsync());

    public async Task<string> DateOnlyAsync(DateTime utc) => NewsDateFormat.DateOnly(utc, await ZoneAsync());

    public async Task<string> Iso8601Async(DateTime utc) => NewsDateFormat.Iso8601(utc, await ZoneAsync());
}
