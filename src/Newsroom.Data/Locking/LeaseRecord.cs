using Microsoft.EntityFrameworkCore;

namespace Newsroom.Data;

public sealed class LeaseRecord
{
    public string Name { get; set; } = "";

    public string? Owner { get; set; }

    public DateTime? ExpiresUtc { get; set; }
}

internal sealed class LeaseModel : IModelContributor
{
    public void Configure(ModelBuilder model) =>
        model.Entity<LeaseRecord>(e =>
        {
            e.ToTable("Leases");
            e.HasKey(x => x.Name);
        });
}
