using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.ContentManagement;
using Newsroom.Modules;

namespace Newsroom.Core.Tests.Probe;

public sealed class ProbeStartup : StartupBase
{
    public const string Path = "/probe";

    public const string ThrowPath = "/probe/throw";

    /// <summary>The message of the exception the throwing endpoint raises (must never reach a reader).</summary>
    public const string SecretMessage = "probe-secret-connection-string=Password=hunter2";

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddContentHandler<ProbeHandler>();
        services.AddSingleton<ProbeMarker>();
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
        routes.MapGet(Path, () => "probe is on");
        routes.MapGet(ThrowPath, (HttpContext _) => ThrowIt());
    }

    private static string ThrowIt() => throw new InvalidOperationException(SecretMessage);
}

/// <summary>A service only the probe module registers: its presence says the module's services are in the shell.</summary>
public sealed class ProbeMarker;
