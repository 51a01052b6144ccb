namespace Newsroom.Data;

/// <summary>
/// Site-wide documents (settings, content definitions, the shell descriptor) stored as JSON rows and
/// cached per process. A node notices another node's change within <see cref="DocumentStore.RecheckInterval"/>.
/// </summary>
public interface IDocumentStore
{
    /// <summary>The cached document (shared: never mutate it; use <see cref="GetForUpdateAsync{T}"/>).</summary>
    Task<T> GetAsync<T>(CancellationToken cancellationToken = default) where T : class, new();

    /// <summary>A private copy read from the database, to change and pass to <see cref="SaveAsync{T}"/>.</summary>
    Task<T> GetForUpdateAsync<T>(CancellationToken cancellationToken = default) where T : class, new();

    /// <summary>Writes the document in the current transaction (if any) and bumps its version.</summary>
    Task SaveAsync<T>(T document, CancellationToken cancellationToken = default) where T : class, new();
}
