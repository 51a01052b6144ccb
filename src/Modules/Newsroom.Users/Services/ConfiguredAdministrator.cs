using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Newsroom.Modules.Shells;

namespace Newsroom.Users.Services;

/// <summary>
/// Creates the first administrator from <c>Newsroom:Setup:AdminUserName</c>, <c>AdminEmail</c> and
/// <c>AdminPassword</c> when they are configured and no user exists yet. Without them the site offers
/// the one-time page <c>/admin/setup</c> instead. There is no default password.
/// </summary>
public sealed class ConfiguredAdministrator(UserAccounts accounts, IConfiguration configuration, ILogger<ConfiguredAdministrator> logger) : IShellActivatedHandler
{
    public async Task ActivatedAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Newsroom:Setup");
        var userName = section["AdminUserName"];
        var password = section["AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var email = section["AdminEmail"] is { Length: > 0 } configured ? configured : $"{userName}@localhost";
        try
        {
            if (await accounts.CreateFirstAdministratorAsync(userName.Trim(), email, password, cancellationToken) is not null)
            {
                logger.LogInformation("Created the administrator {UserName} from configuration", userName);
            }
        }
        catch (IdentityOperationException ex)
        {
            // A weak configured password must not stop the site: say why and leave /admin/setup available.
            logger.LogError("The configured administrator {UserName} was not created: {Errors}", userName, ex.Message);
        }
    }
}
