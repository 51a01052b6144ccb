using Newsroom.ContentManagement.Metadata;
using Newsroom.Data;
using Newsroom.RelatedLinks.Models;

namespace Newsroom.RelatedLinks;

public sealed class Migrations(IContentDefinitionManager definitions) : DataMigration
{
    public override async Task<int> CreateAsync(MigrationContext context)
    {
        await definitions.AlterTypeDefinitionAsync("RelatedLink", type => type
            .DisplayedAs("Related link")
            .Creatable().Listable().Draftable()
            .WithPart(nameof(RelatedLinkPart)));
        return 1;
    }
}
