using System.Globalization;

namespace Newsroom.DisplayManagement.Dates;

/// <summary>
/// How the public site writes instants: "October 3rd, 2020 at 13:01 IST" in the site's time zone,
/// and ISO 8601 with the zone's offset for <c>&lt;time datetime&gt;</c>. Pure functions, so every
/// page, feed and test formats the same way.
/// </summary>
public static class NewsDateFormat
{
    /// <summary>"October 3rd, 2020 at 13:01 IST".</summary>
    public static string DateAndTime(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToZone(utc, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{Date(local.DateTime)} at {local:HH:mm} {ZoneAbbreviations.For(zone, local)}");
    }

    /// <summary>"October 3rd, 2020", the day in the site's zone.</summary>
    public static string DateOnly(DateTime utc, TimeZoneInfo zone) => Date(ToZone(utc, zone).DateTime);

    /// <summary>"2020-10-03T13:01:00+05:30": the instant with the zone's offset at that instant.</summary>
    public static string Iso8601(DateTime utc, TimeZoneInfo zone) =>
        ToZone(utc, zone).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st, 22nd, 23rd, ... 31st.</summary>
    public static string Ordinal(int day) => string.Create(CultureInfo.InvariantCulture, $"{day}{OrdinalSuffix(day)}");

    private static string OrdinalSuffix(int day) => (day % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (day % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        },
    };

    public static DateTimeOffset ToZone(DateTime utc, TimeZoneInfo zone)
    {
        var instant = utc.Kind switch
        {
            DateTimeKind.Utc => utc,
            DateTimeKind.Local => utc.ToUniversalTime(),
            // Values read from the database come back Unspecified: they are stored as UTC.
            _ => DateTime.SpecifyKind(utc, DateTimeKind.Utc),
        };
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(instant), zone);
    }

    // One string per date: the numbers are formatted into the result, not into strings of their own
    // (every <news-time> of every page comes through here).
    private static string Date(DateTime local) => string.Create(
        CultureInfo.InvariantCulture,
        $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(local.Month)} {local.Day}{OrdinalSuffix(local.Day)}, {local.Year}");
}
