using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Users.Permissions;

namespace Newsroom.Users.Navigation;

/// <summary>The admin menu for one user: every module's entries, minus those the user may not use.</summary>
public sealed class AdminMenuService(IEnumerable<INavigationProvider> providers, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<MenuItem>> BuildAsync(ClaimsPrincipal user)
    {
        var builder = new NavigationBuilder();
        foreach (var provider in providers)
        {
            provider.Build(builder);
        }

        var visible = new List<MenuItem>();
        foreach (var item in builder.Items.OrderBy(i => i.Position).ThenBy(i => i.Text, StringComparer.Ordinal))
        {
            if (await authorization.AuthorizeAsync(user, item.Permission))
            {
                visible.Add(item);
            }
        }

        return visible;
    }
}
