namespace Newsroom.ContentManagement.Metadata;

/// <summary>Reads and changes content type and part definitions.</summary>
public interface IContentDefinitionManager
{
    Task<ContentTypeDefinition?> GetTypeDefinitionAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ContentTypeDefinition>> ListTypeDefinitionsAsync(CancellationToken cancellationToken = default);

    Task<ContentPartDefinition?> GetPartDefinitionAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ContentPartDefinition>> ListPartDefinitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the type when missing, then applies <paramref name="alter"/>.</summary>
    Task AlterTypeDefinitionAsync(string name, Action<ContentTypeDefinitionBuilder> alter, CancellationToken cancellationToken = default);

    Task AlterPartDefinitionAsync(string name, Action<ContentPartDefinitionBuilder> alter, CancellationToken cancellationToken = default);

    Task DeleteTypeDefinitionAsync(string name, CancellationToken cancellationToken = default);
}
