using Microsoft.EntityFrameworkCore;
using Newsroom.Data;
using Newsroom.Redirects.Models;

namespace Newsroom.Redirects.Services;

/// <summary>Administrators' manual redirects (the admin screen calls this service).</summary>
public interface IRedirectService
{
    Task<IReadOnlyList<ManualRedirect>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The redirect of a normalized path, from the in-memory table (shared: never mutate it).</summary>
    Task<ManualRedirect?> FindAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the redirect of <paramref name="path"/>. Throws <see cref="ArgumentException"/> for a bad path or target.</summary>
    Task SetAsync(string path, string target, bool permanent = true, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(string path, CancellationToken cancellationToken = default);
}

internal sealed class RedirectService(NewsroomDbContext db, IDocumentStore documents, ManualRedirectTable table, TimeProvider clock) : IRedirectService
{
    public async Task<IReadOnlyList<ManualRedirect>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ManualRedirect>().AsNoTracking().OrderBy(r => r.Path).ToListAsync(cancellationToken);

    public Task<ManualRedirect?> FindAsync(string path, CancellationToken cancellationToken = default) =>
        table.FindAsync(path, db, documents, cancellationToken);

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
                await BumpRevisionAsync(cancellationToken);
            },
            cancellationToken);
        table.Invalidate();
    }

    public async Task<bool> RemoveAsync(string path, CancellationToken cancellationToken = default)
    {
        path = NormalizePath(path);
        var removed = await db.InTransactionAsync(
            async () =>
            {
                if (await db.Set<ManualRedirect>().Where(r => r.Path == path).ExecuteDeleteAsync(cancellationToken) == 0)
                {
                    return false;
                }

                await BumpRevisionAsync(cancellationToken);
                return true;
            },
            cancellationToken);
        if (removed)
        {
            table.Invalidate();
        }

        return removed;
    }

    // In the transaction of the change, so no node sees the new revision without the new rows.
    private async Task BumpRevisionAsync(CancellationToken cancellationToken)
    {
        var revision = await documents.GetForUpdateAsync<ManualRedirectsRevision>(cancellationToken);
        revision.Value++;
        await documents.SaveAsync(revision, cancellationToken);
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
