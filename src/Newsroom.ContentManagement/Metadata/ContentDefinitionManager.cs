using Newsroom.Data;

namespace Newsroom.ContentManagement.Metadata;

/// <inheritdoc />
public sealed class ContentDefinitionManager(IDocumentStore documents) : IContentDefinitionManager
{
    public async Task<ContentTypeDefinition?> GetTypeDefinitionAsync(string name, CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<ContentDefinitionDocument>(cancellationToken)).Types.Find(t => t.Name == name);

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypeDefinitionsAsync(CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<ContentDefinitionDocument>(cancellationToken)).Types;

    public async Task<ContentPartDefinition?> GetPartDefinitionAsync(string name, CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<ContentDefinitionDocument>(cancellationToken)).Parts.Find(p => p.Name == name);

    public async Task<IReadOnlyList<ContentPartDefinition>> ListPartDefinitionsAsync(CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<ContentDefinitionDocument>(cancellationToken)).Parts;

    public async Task AlterTypeDefinitionAsync(string name, Action<ContentTypeDefinitionBuilder> alter, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        var document = await documents.GetForUpdateAsync<ContentDefinitionDocument>(cancellationToken);
        var type = document.Types.Find(t => t.Name == name);
        if (type is null)
        {
            type = new ContentTypeDefinition { Name = name, DisplayName = name };
            document.Types.Add(type);
        }

        alter(new ContentTypeDefinitionBuilder(type));
        foreach (var part in type.Parts.Where(p => !document.Parts.Exists(d => d.Name == p.Name)))
        {
            document.Parts.Add(new ContentPartDefinition { Name = part.Name });
        }

        await documents.SaveAsync(document, cancellationToken);
    }

    public async Task AlterPartDefinitionAsync(string name, Action<ContentPartDefinitionBuilder> alter, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        var document = await documents.GetForUpdateAsync<ContentDefinitionDocument>(cancellationToken);
        var part = document.Parts.Find(p => p.Name == name);
        if (part is null)
        {
            part = new ContentPartDefinition { Name = name };
            document.Parts.Add(part);
        }

        alter(new ContentPartDefinitionBuilder(part));
        await documents.SaveAsync(document, cancellationToken);
    }

    public async Task DeleteTypeDefinitionAsync(string name, CancellationToken cancellationToken = default)
    {
        var document = await documents.GetForUpdateAsync<ContentDefinitionDocument>(cancellationToken);
        if (document.Types.RemoveAll(t => t.Name == name) > 0)
        {
            await documents.SaveAsync(document, cancellationToken);
        }
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || !char.IsAsciiLetter(name[0]))
        {
            throw new ArgumentException($"'{name}' is not a valid content type or part name: use letters, digits and '_', starting with a letter.", nameof(name));
        }
    }
}
