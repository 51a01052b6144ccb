namespace Newsroom.Data;

/// <summary>
/// Named leases claimed with a row update, so exactly one process of those sharing the database
/// holds a name at a time (used by the scheduler). A crashed holder's lease lapses at its expiry.
/// </summary>
public interface ILeaseManager
{
    /// <summary>Claims <paramref name="name"/> for <paramref name="duration"/>; false when someone else holds it.</summary>
    Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default);
}
