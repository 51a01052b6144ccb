using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.Modules.Shells;

/// <summary>
/// The host's part in building a shell: the services every shell has (data, content, MVC) and the
/// middleware that runs before any module's. Registered once in the host.
/// </summary>
public interface IShellConfigurator
{
    void ConfigureServices(IServiceCollection services, ShellBlueprint blueprint);

    /// <summary>Runs right after routing is added, before the modules' own middleware.</summary>
    void ConfigurePipeline(IApplicationBuilder app, ShellBlueprint blueprint);
}
