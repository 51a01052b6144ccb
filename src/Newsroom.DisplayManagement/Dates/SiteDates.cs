using Newsroom.Data;

namespace Newsroom.DisplayManagement.Dates;

/// <summary>Formats instants in the site's time zone (from <see cref="SiteSettings.TimeZone"/>).</summary>
/// <remarks>
/// ValueTasks: after the first call of a request the zone is known and every answer is synchronous,
/// so the many <c>&lt;news-time&gt;</c> elements of a page allocate no tasks.
/// </remarks>
public sealed class SiteDates(IDocumentStore documents)
{
    private TimeZoneInfo? _zone;

    public ValueTask<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken = default) =>
        _zone is { } zone ? ValueTask.FromResult(zone) : new ValueTask<TimeZoneInfo>(LoadZoneAsync(cancellationToken));

    public async ValueTask<string> DateAndTimeAsync(DateTime utc) => NewsDateFormat.DateAndTime(utc, await ZoneAsync());

    public async ValueTask<string> DateOnlyAsync(DateTime utc) => NewsDateFormat.DateOnly(utc, await ZoneAsync());

    public async ValueTask<string> Iso8601Async(DateTime utc) => NewsDateFormat.Iso8601(utc, await ZoneAsync());

    private async Task<TimeZoneInfo> LoadZoneAsync(CancellationToken cancellationToken) =>
        _zone = (await documents.GetAsync<SiteSettings>(cancellationToken)).FindTimeZone();
}
