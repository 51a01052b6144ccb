namespace Newsroom.Articles.Services;

/// <summary>Which addresses editors may put in content. Anything else (javascript:, data:, vbscript:...) is refused.</summary>
public static class UrlRules
{
    /// <summary>An absolute http or https URL.</summary>
    public static bool IsHttpUrl(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && !url.Any(char.IsControl)
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>An absolute https URL (embeds: never mixed content).</summary>
    public static bool IsHttpsUrl(string? url) =>
        IsHttpUrl(url) && url!.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A path on this site (<c>/media/x.jpg</c>, not <c>//host/x</c>) or an absolute http(s) URL.</summary>
    public static bool IsLocalOrHttpUrl(string? url) =>
        IsLocalPath(url) || IsHttpUrl(url);

    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
