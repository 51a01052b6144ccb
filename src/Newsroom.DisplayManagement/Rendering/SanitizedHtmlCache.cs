using Microsoft.Extensions.Caching.Memory;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Remembers a sanitizer's output per input string, within a bound on the characters held. The
/// sanitizer is a pure function of its input, so a hit returns exactly what sanitizing would.
/// </summary>
public sealed class SanitizedHtmlCache
{
    /// <summary>Characters of input plus output kept (about 16 MB of strings at two bytes each).</summary>
    public const long DefaultCharacterLimit = 8_000_000;

    // Inputs longer than this are sanitized each time: one would crowd out many paragraphs.
    private const int LongestCachedInput = 64 * 1024;

    private readonly Func<string, string> _sanitize;
    private readonly MemoryCache _cache;

    public SanitizedHtmlCache(Func<string, string> sanitize, long characterLimit = DefaultCharacterLimit)
    {
        _sanitize = sanitize;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = characterLimit });
    }

    public string Sanitize(string html)
    {
        if (_cache.TryGetValue(html, out string? cached) && cached is not null)
        {
            return cached;
        }

        var sanitized = _sanitize(html);
        if (html.Length <= LongestCachedInput)
        {
            // Size counts both strings: the key is held by the cache as long as the entry lives.
            _cache.Set(html, sanitized, new MemoryCacheEntryOptions { Size = html.Length + sanitized.Length + 1 });
        }

        return sanitized;
    }
}
