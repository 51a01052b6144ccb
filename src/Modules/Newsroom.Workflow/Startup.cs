using Microsoft.Extensions.DependencyInjection;
using Newsroom.Modules;

namespace Newsroom.Workflow;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
    }
}
