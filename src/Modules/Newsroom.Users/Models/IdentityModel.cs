using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Users.Models;

/// <summary>
/// The ASP.NET Core Identity entities on the shared <see cref="NewsroomDbContext"/>. NewsroomDbContext is
/// not an IdentityDbContext (every module shares it), so the mapping IdentityDbContext would make is
/// written here, with Newsroom's table names. The tables are created by <see cref="Migrations"/>.
/// </summary>
public sealed class IdentityModel : IModelContributor
{
    public const int NameMaxLength = 256;
    public const int KeyMaxLength = 128;

    public void Configure(ModelBuilder model)
    {
        model.Entity<IdentityUser>(b =>
        {
            b.ToTable("Users");
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex");
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(NameMaxLength);
            b.Property(u => u.NormalizedUserName).HasMaxLength(NameMaxLength);
            b.Property(u => u.Email).HasMaxLength(NameMaxLength);
            b.Property(u => u.NormalizedEmail).HasMaxLength(NameMaxLength);
            b.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            b.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
            b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
        });
        model.Entity<IdentityUserClaim<string>>(b =>
        {
            b.ToTable("UserClaims");
            b.HasKey(c => c.Id);
        });
        model.Entity<IdentityUserLogin<string>>(b =>
        {
            b.ToTable("UserLogins");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(KeyMaxLength);
            b.Property(l => l.ProviderKey).HasMaxLength(KeyMaxLength);
        });
        model.Entity<IdentityUserToken<string>>(b =>
        {
            b.ToTable("UserTokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(KeyMaxLength);
            b.Property(t => t.Name).HasMaxLength(KeyMaxLength);
        });
        model.Entity<IdentityRole>(b =>
        {
            b.ToTable("Roles");
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique();
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(r => r.Name).HasMaxLength(NameMaxLength);
            b.Property(r => r.NormalizedName).HasMaxLength(NameMaxLength);
            b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(ur => ur.RoleId).IsRequired();
            b.HasMany<IdentityRoleClaim<string>>().WithOne().HasForeignKey(rc => rc.RoleId).IsRequired();
        });
        model.Entity<IdentityRoleClaim<string>>(b =>
        {
            b.ToTable("RoleClaims");
            b.HasKey(rc => rc.Id);
        });
        model.Entity<IdentityUserRole<string>>(b =>
        {
            b.ToTable("UserRoles");
            b.HasKey(r => new { r.UserId, r.RoleId });
        });
    }
}
