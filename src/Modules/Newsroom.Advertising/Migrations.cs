using Newsroom.Advertising.Models;
using Newsroom.ContentManagement.Metadata;
using Newsroom.Data;

namespace Newsroom.Advertising;

public sealed class Migrations(IContentDefinitionManager definitions) : DataMigration
{
    public override async Task<int> CreateAsync(MigrationContext context)
    {
        await definitions.AlterTypeDefinitionAsync("AdvertisementSlot", type => type
            .DisplayedAs("Advertisement slot")
            .Creatable().Listable()
            .WithPart(nameof(AdvertisementSlotPart)));
        return 1;
    }
}
