using Microsoft.AspNetCore.Identity;
using Newsroom.Data;
using Newsroom.Users.Models;
using Newsroom.Users.Permissions;

namespace Newsroom.Users;

/// <summary>
/// Version 1: the Identity tables (same shape as <see cref="IdentityModel"/>). Version 2: the four
/// standard roles and their permissions, stored as role claims so they can be changed per site.
/// </summary>
public sealed class Migrations : DataMigration
{
    private const int Name = IdentityModel.NameMaxLength;
    private const int Key = IdentityModel.KeyMaxLength;

    public override Task<int> CreateAsync(MigrationContext context)
    {
        var schema = context.Schema;
        schema.CreateTable(
            "Users",
            t => new
            {
                Id = t.Column<string>(),
                UserName = t.Column<string>(maxLength: Name, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: Name, nullable: true),
                Email = t.Column<string>(maxLength: Name, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: Name, nullable: true),
                EmailConfirmed = t.Column<bool>(),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(),
                TwoFactorEnabled = t.Column<bool>(),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(),
                AccessFailedCount = t.Column<int>(),
            },
            constraints: t => t.PrimaryKey("PK_Users", x => x.Id));
        schema.CreateIndex("UserNameIndex", "Users", "NormalizedUserName", unique: true);
        schema.CreateIndex("EmailIndex", "Users", "NormalizedEmail");

        schema.CreateTable(
            "Roles",
            t => new
            {
                Id = t.Column<string>(),
                Name = t.Column<string>(maxLength: Name, nullable: true),
                NormalizedName = t.Column<string>(maxLength: Name, nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_Roles", x => x.Id));
        schema.CreateIndex("RoleNameIndex", "Roles", "NormalizedName", unique: true);

        schema.CreateTable(
            "UserRoles",
            t => new { UserId = t.Column<string>(), RoleId = t.Column<string>() },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserRoles", x => new { x.UserId, x.RoleId });
                t.ForeignKey("FK_UserRoles_Users_UserId", x => x.UserId, "Users", "Id", onDelete: Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Cascade);
                t.ForeignKey("FK_UserRoles_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Cascade);
            });
        schema.CreateIndex("IX_UserRoles_RoleId", "UserRoles", "RoleId");

        schema.CreateTable(
            "UserClaims",
            t => new
            {
                Id = t.Column<int>().AutoIncrement(),
                UserId = t.Column<string>(),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserClaims", x => x.Id);
                t.ForeignKey("FK_UserClaims_Users_UserId", x => x.UserId, "Users", "Id", onDelete: Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Cascade);
            });
        schema.CreateIndex("IX_UserClaims_UserId", "UserClaims", "UserId");

        schema.CreateTable(
            "RoleClaims",
            t => new
            {
                Id = t.Column<int>().AutoIncrement(),
                RoleId = t.Column<string>(),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_RoleClaims", x => x.Id);
                t.ForeignKey("FK_RoleClaims_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Cascade);
            });
        schema.CreateIndex("IX_RoleClaims_RoleId", "RoleClaims", "RoleId");

        schema.CreateTable(
            "UserLogins",
            t => new
            {
                LoginProvider = t.Column<string>(maxLength: Key),
                ProviderKey = t.Column<string>(maxLength: Key),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<string>(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserLogins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_UserLogins_Users_UserId", x => x.UserId, "Users", "Id", onDelete: Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Cascade);
            });
        schema.CreateIndex("IX_UserLogins_UserId", "UserLogins", "UserId");

        schema.CreateTable(
            "UserTokens",
            t => new
            {
                UserId = t.Column<string>(),
                LoginProvider = t.Column<string>(maxLength: Key),
                Name = t.Column<string>(maxLength: Key),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_UserTokens_Users_UserId", x => x.UserId, "Users", "Id", onDelete: Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Cascade);
            });
        return Task.FromResult(1);
    }

    /// <summary>Seeds the standard roles (the tables exist now: version 1 committed).</summary>
    public Task<int> UpdateFrom1Async(MigrationContext context)
    {
        foreach (var (role, permissions) in StandardRoles.Matrix)
        {
            var entity = new IdentityRole(role) { Id = Guid.NewGuid().ToString("N"), NormalizedName = role.ToUpperInvariant() };
            context.Db.Set<IdentityRole>().Add(entity);
            foreach (var permission in permissions)
            {
                context.Db.Set<IdentityRoleClaim<string>>().Add(new IdentityRoleClaim<string>
                {
                    RoleId = entity.Id,
                    ClaimType = Permission.ClaimType,
                    ClaimValue = permission,
                });
            }
        }

        return Task.FromResult(2);
    }
}
