using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Newsroom.Data;

namespace Newsroom.Media.Services;

/// <summary>
/// Serves the media store (<see cref="NewsroomDataPath.Media"/>) at <c>/media/...</c>. Only image
/// types are served, never a listing, never a path outside the store. Files are cached long (a
/// changed picture gets a new name) and marked <c>nosniff</c>; SVG is served with
/// <c>Content-Security-Policy: sandbox</c> so a script inside an uploaded SVG cannot run in the site's origin.
/// </summary>
public sealed class MediaFileEndpoint(NewsroomDataPath dataPath)
{
    public const string RoutePrefix = "/media";

    /// <summary>30 days: long enough for readers and CDNs, short enough that a replaced file is seen eventually.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    private static readonly FrozenDictionary<string, string> s_types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool IsServedType(string path) => s_types.ContainsKey(Path.GetExtension(path));

    public IResult Serve(HttpContext context, string? path)
    {
        var file = Resolve(path);
        if (file is null || !s_types.TryGetValue(file.Extension, out var contentType))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = $"public, max-age={(int)MaxAge.TotalSeconds}";
        if (file.Extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
        }

        var lastModified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        var etag = new EntityTagHeaderValue(new StringSegment($"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\""));
        return Results.File(file.FullName, contentType, lastModified: lastModified, entityTag: etag, enableRangeProcessing: true);
    }

    /// <summary>The file for a request path, or null when it is missing, hidden or outside the store.</summary>
    private FileInfo? Resolve(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0 || s.StartsWith('.')))
        {
            return null;
        }

        var root = Path.GetFullPath(dataPath.Media) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, Path.Combine(segments)));
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var file = new FileInfo(full);
        return file.Exists ? file : null;
    }
}
