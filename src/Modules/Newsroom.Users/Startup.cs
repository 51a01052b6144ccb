using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Data;
using Newsroom.Modules;
using Newsroom.Modules.Shells;
using Newsroom.Users.Navigation;
using Newsroom.Users.Permissions;
using Newsroom.Users.Services;

namespace Newsroom.Users;

public sealed class Startup : StartupBase
{
    public const string LoginPath = "/login";

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<IdentityUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsroomDbContext>()
            .AddSignInManager();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".Newsroom.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = LoginPath;
            options.LogoutPath = "/logout";
            options.ReturnUrlParameter = "returnUrl";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;

            // A signed-in user without the permission gets a plain 403, not a redirect loop.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddHttpContextAccessor();
        services.AddAuthorization();
        services.AddScoped<UserPermissions>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<SessionValidator>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<IShellActivatedHandler, ConfiguredAdministrator>();
        services.AddScoped<AdminMenuService>();
        services.AddScoped<INavigationProvider, AdminMenu>();
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
        // The host does not register IHttpContextAccessor, so nothing sets the current request for
        // SignInManager and the content actor; set it here, before anything that needs it.
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        app.Use(async (context, next) =>
        {
            accessor.HttpContext = context;
            try
            {
                await next(context);
            }
            finally
            {
                // Clears the shared holder, so work started during the request (a shell reload starting
                // background services) never sees a finished request as its own.
                accessor.HttpContext = null;
            }
        });
        app.UseAuthentication();
        app.UseAuthorization();
        routes.MapControllers();
    }
}
