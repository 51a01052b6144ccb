using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Data;
using Newsroom.Media.Services;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;

namespace Newsroom.Media.Controllers;

/// <summary>
/// The media library in the admin: upload (<c>POST /admin/media/upload</c>, UploadMedia permission)
/// and the newest images (<c>/admin/media</c>, HTML or <c>?format=json</c> for the editor's picker).
/// </summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
[Route("admin/media")]
public sealed class MediaAdminController(NewsroomDataPath dataPath, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int ListSize = 60;

    public sealed record MediaEntry(string Src, string Name, int Width, int Height, DateTime ModifiedUtc);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? format)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ViewAdmin))
        {
            return Forbid();
        }

        var entries = List();
        return format == "json" ? Json(entries.Select(e => new { src = e.Src, name = e.Name, width = e.Width, height = e.Height })) : View("~/Views/MediaAdmin/Index.cshtml", entries);
    }

    [HttpPost("upload")]
    [RequestSizeLimit(MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.UploadMedia))
        {
            return Forbid();
        }

        if (file is null || file.Length == 0 || file.Length > MaxBytes)
        {
            return BadRequest(new { error = $"Choose an image file of at most {MaxBytes / 1024 / 1024} MB." });
        }

        await using var input = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, HttpContext.RequestAborted);
        var bytes = buffer.ToArray();

        // The content decides the type, never the name: only PNG, GIF, JPEG and WebP (no SVG: it can carry script).
        if (ImageHeader.Read(bytes) is not { } info)
        {
            return BadRequest(new { error = "This is not a PNG, GIF, JPEG or WebP image." });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var folder = Path.Combine("uploads", now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture), now.ToString("MM", System.Globalization.CultureInfo.InvariantCulture));
        var stem = Articles.SlugOf(Path.GetFileNameWithoutExtension(file.FileName));
        var name = $"{stem}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}{info.Extension}";
        var directory = Path.Combine(dataPath.Media, folder);
        Directory.CreateDirectory(directory);
        await System.IO.File.WriteAllBytesAsync(Path.Combine(directory, name), bytes, HttpContext.RequestAborted);
        var src = $"{MediaFileEndpoint.RoutePrefix}/{folder.Replace(Path.DirectorySeparatorChar, '/')}/{name}";
        if (Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.Ordinal)) && !Request.Headers.ContainsKey("RequestVerificationToken"))
        {
            return LocalRedirect("/admin/media");
        }

        return Json(new { src, name, width = info.Width, height = info.Height });
    }

    private List<MediaEntry> List()
    {
        var root = new DirectoryInfo(dataPath.Media);
        if (!root.Exists)
        {
            return [];
        }

        var rootPath = root.FullName.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return root.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.Name.StartsWith('.') && f.Extension.ToLowerInvariant() is ".png" or ".gif" or ".jpg" or ".jpeg" or ".webp")
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Take(ListSize)
            .Select(f =>
            {
                var info = ReadHeader(f);
                var relative = f.FullName[rootPath.Length..].Replace(Path.DirectorySeparatorChar, '/');
                return new MediaEntry($"{MediaFileEndpoint.RoutePrefix}/{relative}", f.Name, info?.Width ?? 0, info?.Height ?? 0, f.LastWriteTimeUtc);
            })
            .ToList();
    }

    private static ImageHeader.Info? ReadHeader(FileInfo file)
    {
        // JPEG frame headers can sit after large metadata blocks; 256 KB covers ordinary camera files.
        using var stream = file.OpenRead();
        var buffer = new byte[Math.Min(file.Length, 256 * 1024)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return ImageHeader.Read(buffer.AsSpan(0, read));
    }

    /// <summary>File names as lower-case ASCII words, so media paths are plain URLs.</summary>
    private static class Articles
    {
        public static string SlugOf(string name)
        {
            var chars = name.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray();
            var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
            return slug.Length == 0 ? "image" : slug[..Math.Min(slug.Length, 60)];
        }
    }
}
