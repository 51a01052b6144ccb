using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Newsroom.Data;
using Newsroom.Workflow.Indexes;

namespace Newsroom.Workflow.Services;

/// <summary>
/// Shareable preview links for reviewers without an account. The token is the link's id, item id and
/// expiry, protected (signed and encrypted) by a purpose-bound data protector; the link's row makes it
/// revocable. A link is refused once expired (the site's <see cref="TimeProvider"/>), revoked, or
/// when the item is published (the handler revokes its links then).
/// </summary>
public sealed class PreviewLinks(NewsroomDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public static TimeSpan DefaultLifetime { get; } = TimeSpan.FromHours(48);

    private readonly IDataProtector _protector = protection.CreateProtector("Newsroom.Workflow.PreviewLink.v1");

    /// <summary>Creates a link to <paramref name="contentItemId"/>; returns the row and its token.</summary>
    public async Task<(PreviewLink Link, string Token)> CreateAsync(string contentItemId, string createdBy, TimeSpan? lifetime = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var link = new PreviewLink
        {
            Id = Guid.NewGuid().ToString("N"),
            ContentItemId = contentItemId,
            CreatedBy = createdBy,
            CreatedUtc = now,
            ExpiresUtc = now + (lifetime ?? DefaultLifetime),
        };
        db.Set<PreviewLink>().Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return (link, Protect(link));
    }

    private string Protect(PreviewLink link) =>
        _protector.Protect(string.Join('|', link.Id, link.ContentItemId, link.ExpiresUtc.Ticks.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The live link the token stands for, or null (forged, expired, revoked, unknown).</summary>
    public async Task<PreviewLink?> ResolveAsync(string token, CancellationToken cancellationToken = default)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var fields = payload.Split('|');
        if (fields.Length != 3 || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (ticks <= now.Ticks)
        {
            return null;
        }

        var id = fields[0];
        var link = await db.Set<PreviewLink>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return link is null || link.ContentItemId != fields[1] || link.RevokedUtc is not null || link.ExpiresUtc <= now ? null : link;
    }

    public async Task<IReadOnlyList<PreviewLink>> ListAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.Set<PreviewLink>().AsNoTracking().Where(l => l.ContentItemId == contentItemId)
            .OrderByDescending(l => l.CreatedUtc).Take(50).ToListAsync(cancellationToken);

    /// <summary>Revokes the link; false when it does not belong to the item or is revoked already.</summary>
    public async Task<bool> RevokeAsync(string contentItemId, string linkId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<PreviewLink>()
            .Where(l => l.Id == linkId && l.ContentItemId == contentItemId && l.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedUtc, now), cancellationToken) == 1;
    }
}
