using System.Globalization;

namespace Newsroom.Contents.ViewModels;

/// <summary>Admin pages show instants in the site's time zone, to the minute.</summary>
public static class AdminTime
{
    public static string Local(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
