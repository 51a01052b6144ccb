using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Newsroom.Theme.Assets;

/// <summary>
/// The theme's CSS, embedded in the assembly and served at <c>/_content/Newsroom.Theme/{file}</c>.
/// URLs carry a content hash (<c>?v=</c>) so browsers may cache them for a year.
/// </summary>
public static class ThemeAssets
{
    public const string RequestPath = "/_content/Newsroom.Theme";
    public const string ResourcePrefix = "Newsroom.Theme.wwwroot";

    private static readonly ConcurrentDictionary<string, string> s_urls = new(StringComparer.Ordinal);

    public static string Url(string file) => s_urls.GetOrAdd(file, name =>
    {
        using var stream = typeof(ThemeAssets).Assembly.GetManifestResourceStream($"{ResourcePrefix}.{name}");
        if (stream is null)
        {
            throw new InvalidOperationException($"The theme has no asset '{name}'.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        return $"{RequestPath}/{name}?v={hash}";
    });
}
