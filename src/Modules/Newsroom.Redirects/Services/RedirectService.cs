using Microsoft.EntityFrameworkCore;
using Newsroom.Data;
using Newsroom.Redirects.Models;

namespace Newsroom.Redirects.Services;

/// <summary>Administrators' manual redirects (the admin screen calls this service).</summary>
public interface IRedirectService
{
    Task<IReadOnlyList<ManualRedirect>> ListAsync(CancellationToken cancellationToken = default);

    Task<ManualRedirect?> FindAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the redirect of <paramref name="path"/>. Throws <see cref="ArgumentException"/> for a bad path or target.</summary>
    Task SetAsync(string path, string target, bool permanent = true, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(string path, CancellationToken cancellationToken = default);
}

internal sealed class RedirectService(NewsroomDbContext db, TimeProvider clock) : IRedirectService
{
    public async Task<IReadOnlyList<ManualRedirect>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ManualRedirect>().AsNoTracking().OrderBy(r => r.Path).ToListAsync(cancellationToken);

    public Task<ManualRedirect?> FindAsync(string path, CancellationToken cancellationToken = default) =>
        db.Set<ManualRedirect>().AsNoTracking().FirstOrDefaultAsync(r => r.Path == path, cancellationToken);

    public async Task SetAsync(string path, string target, bool permanent = true, CancellationToken cancellationToken = default)
    {
        path = NormalizePath(path);
        if (!IsLocalPath(path))
        {
            throw new ArgumentException("The path must be a local path starting with a single '/'.", nameof(path));
        }

        target = target.Trim();
        if (!IsLocalPath(target) && !IsHttpUrl(target))
        {
            throw new ArgumentException("The target must be a local path starting with a single '/' or an http(s) URL.", nameof(target));
        }

        if (string.Equals(path, target, StringComparison.Ordinal))
        {
            throw new ArgumentException("A path cannot redirect to itself.", nameof(target));
        }

        await db.InTransactionAsync(
            async () =>
            {
                var existing = await db.Set<ManualRedirect>().FirstOrDefaultAsync(r => r.Path == path, cancellationToken);
                if (existing is null)
                {
                    db.Add(new ManualRedirect { Path = path, Target = target, Permanent = permanent, CreatedUtc = clock.GetUtcNow().UtcDateTime });
                }
                else
                {
                    existing.Target = target;
                    existing.Permanent = permanent;
                }

                await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken);
    }

    public async Task<bool> RemoveAsync(string path, CancellationToken cancellationToken = default)
    {
        path = NormalizePath(path);
        return await db.Set<ManualRedirect>().Where(r => r.Path == path).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    internal static string NormalizePath(string path)
    {
        path = path.Trim();
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            path = path[..query];
        }

        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>"/x" but not "//host" or "/\host", which browsers treat as another site.</summary>
    internal static bool IsLocalPath(string value) =>
        value.Length > 0 && value[0] == '/' && (value.Length == 1 || (value[1] != '/' && value[1] != '\\'));

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
