namespace Newsroom.Users.Permissions;

/// <summary>
/// A named right, checked on the server with <see cref="AuthorizationServiceExtensions.AuthorizeAsync(Microsoft.AspNetCore.Authorization.IAuthorizationService, System.Security.Claims.ClaimsPrincipal, Permission)"/>.
/// Roles hold permissions as role claims of type <see cref="ClaimType"/>; a permission is also granted
/// by any permission that implies it (EditAnyArticle implies EditOwnArticle).
/// </summary>
public sealed class Permission(string name, string description, IEnumerable<Permission>? impliedBy = null)
{
    public const string ClaimType = "Permission";

    public string Name { get; } = name;

    public string Description { get; } = description;

    public IReadOnlyList<Permission> ImpliedBy { get; } = impliedBy?.ToList() ?? [];

    /// <summary>This permission's name and the names of every permission that implies it.</summary>
    public IEnumerable<string> GrantingNames()
    {
        yield return Name;
        foreach (var name in ImpliedBy.SelectMany(p => p.GrantingNames()))
        {
            yield return name;
        }
    }

    public override string ToString() => Name;
}
