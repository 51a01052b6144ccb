using System.Globalization;

namespace Newsroom.DisplayManagement.Dates;

/// <summary>
/// The abbreviations readers know ("IST", "BST"), by IANA zone and daylight-saving state. .NET on
/// Linux has no abbreviations of its own; zones outside the table are written as "UTC+05:30".
/// </summary>
public static class ZoneAbbreviations
{
    private static readonly Dictionary<string, (string Standard, string Daylight)> s_byZone = Build();

    public static string For(TimeZoneInfo zone, DateTimeOffset local)
    {
        var id = Canonical(zone);
        var daylight = zone.IsDaylightSavingTime(local);
        if (s_byZone.TryGetValue(id, out var names))
        {
            return daylight ? names.Daylight : names.Standard;
        }

        // Most of continental Europe shares the central and eastern European names.
        if (id.StartsWith("Europe/", StringComparison.Ordinal))
        {
            var standardOffset = zone.BaseUtcOffset;
            if (standardOffset == TimeSpan.FromHours(1))
            {
                return daylight ? "CEST" : "CET";
            }

            if (standardOffset == TimeSpan.FromHours(2))
            {
                return daylight ? "EEST" : "EET";
            }
        }

        return Offset(local.Offset);
    }

    /// <summary>"UTC", "UTC+05:30", "UTC-03:00".</summary>
    public static string Offset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return "UTC" + sign + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The IANA id of a zone, also when it was found by its Windows id.</summary>
    private static string Canonical(TimeZoneInfo zone)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            return "UTC";
        }

        return !zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }

    private static Dictionary<string, (string, string)> Build()
    {
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        void Add((string, string) names, params string[] zones)
        {
            foreach (var zone in zones)
            {
                table[zone] = names;
            }
        }

        Add(("UTC", "UTC"), "UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "Etc/GMT");
        Add(("IST", "IST"), "Asia/Kolkata", "Asia/Calcutta");
        Add(("GMT", "BST"), "Europe/London", "Europe/Belfast", "Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Jersey", "GB");
        Add(("EST", "EDT"), "America/New_York", "America/Detroit", "America/Toronto", "America/Montreal", "America/Nassau",
            "America/Indiana/Indianapolis", "America/Indianapolis", "America/Kentucky/Louisville", "America/Louisville", "US/Eastern", "EST5EDT");
        Add(("CST", "CDT"), "America/Chicago", "America/Winnipeg", "America/Indiana/Knox", "America/Menominee", "US/Central", "CST6CDT");
        Add(("MST", "MDT"), "America/Denver", "America/Edmonton", "America/Boise", "America/Phoenix", "US/Mountain", "US/Arizona", "MST7MDT");
        Add(("PST", "PDT"), "America/Los_Angeles", "America/Vancouver", "America/Tijuana", "US/Pacific", "PST8PDT");
        Add(("JST", "JST"), "Asia/Tokyo", "Japan");
        Add(("AEST", "AEDT"), "Australia/Sydney", "Australia/Melbourne", "Australia/Hobart", "Australia/Canberra", "Australia/ACT",
            "Australia/NSW", "Australia/Victoria", "Australia/Tasmania", "Australia/Brisbane", "Australia/Queensland", "Australia/Lindeman");
        return table;
    }
}
