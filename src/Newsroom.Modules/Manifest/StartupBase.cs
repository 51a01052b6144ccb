using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.Modules;

/// <summary>
/// The entry point of a module: registers its services and maps its routes. The shell calls
/// every enabled module's startup in dependency order, then by <see cref="Order"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed class Startup : StartupBase
/// {
///     public override void ConfigureServices(IServiceCollection services) =>
///         services.AddScoped&lt;IContentHandler, SlugHandler&gt;();
///
///     public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services) =>
///         routes.MapGet("/hello", () => "hello");
/// }
/// </code>
/// </example>
public abstract class StartupBase
{
    /// <summary>Lower runs first among modules at the same dependency depth.</summary>
    public virtual int Order => 0;

    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Adds middleware (runs after routing, before endpoints) and maps endpoints.</summary>
    public virtual void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
    }
}
