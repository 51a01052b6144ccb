using Microsoft.EntityFrameworkCore;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Core.Tests.Probe;

/// <summary>An index row per write, kept by <see cref="ProbeHandler"/> in the write's transaction.</summary>
public sealed class ProbeIndex
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public string ContentItemVersionId { get; set; } = "";

    public string Event { get; set; } = "";
}

public sealed class ProbeModel : IModelContributor
{
    public void Configure(ModelBuilder model) =>
        model.Entity<ProbeIndex>(e =>
        {
            e.ToTable("ProbeIndex");
            e.HasKey(x => x.Id);
        });
}

public sealed class ProbeMigrations : DataMigration
{
    public override Task<int> CreateAsync(MigrationContext context)
    {
        context.Schema.CreateTable(
            "ProbeIndex",
            t => new
            {
                Id = t.Column<long>().AutoIncrement(),
                ContentItemId = t.Column<string>(maxLength: 32),
                ContentItemVersionId = t.Column<string>(maxLength: 32),
                Event = t.Column<string>(maxLength: 20),
            },
            constraints: t => t.PrimaryKey("PK_ProbeIndex", x => x.Id));
        return Task.FromResult(1);
    }
}

/// <summary>
/// Writes an index row on every create, update and publish, then throws when the item's display
/// text asks it to: the tests check that the index row and the version roll back together.
/// </summary>
public sealed class ProbeHandler(NewsroomDbContext db) : ContentHandler
{
    public const string ExplodeOnPublish = "[explode-on-publish]";

    public const string ExplodeOnUpdate = "[explode-on-update]";

    public const string ExplodeOnCreate = "[explode-on-create]";

    public override Task CreatedAsync(ContentContext context) => IndexAsync(context, "created", ExplodeOnCreate);

    public override Task UpdatedAsync(UpdateContentContext context) => IndexAsync(context, "updated", ExplodeOnUpdate);

    public override Task PublishedAsync(PublishContentContext context) => IndexAsync(context, "published", ExplodeOnPublish);

    private async Task IndexAsync(ContentContext context, string @event, string trigger)
    {
        var item = context.ContentItem;
        db.Set<ProbeIndex>().Add(new ProbeIndex { ContentItemId = item.ContentItemId, ContentItemVersionId = item.ContentItemVersionId, Event = @event });
        await db.SaveChangesAsync();
        if (item.DisplayText?.Contains(trigger, StringComparison.Ordinal) == true)
        {
            throw new ProbeExplodedException($"The probe handler refused '{item.DisplayText}' while {@event}.");
        }
    }
}

public sealed class ProbeExplodedException(string message) : Exception(message);
