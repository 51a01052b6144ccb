namespace Newsroom.Editorial.Services;

/// <summary>
/// What the editor page says about the soft lock, in one place for the page (server) and the heartbeat
/// answer (shown by the script), so both read the same. Times are HH:mm in the site's time zone.
/// </summary>
public static class LockNotice
{
    /// <summary>Someone else had the article open when this editor opened it.</summary>
    public static string EditingSince(string user, string sinceLocal) =>
        $"{user} has been editing since {sinceLocal} (site time).";

    /// <summary>This editor held the lock and someone took it over.</summary>
    public static string TookOver(string user, string atLocal) =>
        $"{user} took over editing at {atLocal} (site time) — your unsaved changes are still here; saving will be checked against {user}'s changes.";
}
