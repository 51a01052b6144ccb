using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Editorial.Services;
using Newsroom.Modules;
using Newsroom.Users.Navigation;

namespace Newsroom.Editorial;

public sealed class Startup : StartupBase
{
    public const string ScriptPath = "/admin/assets/editor.js";

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<PrePublishChecks>();
        services.AddScoped<EditLocks>();

        // Every button goes through the workflow (roles, update log, audit, scheduling).
        services.AddScoped<IEditorActions, WorkflowEditorActions>();
        services.AddScoped<INavigationProvider, AdminMenu>();
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
        var script = ReadScript();
        routes.MapGet(ScriptPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Text(script, "text/javascript; charset=utf-8");
        });
    }

    private static string ReadScript()
    {
        using var stream = typeof(Startup).Assembly.GetManifestResourceStream("Newsroom.Editorial.editor.js")
            ?? throw new InvalidOperationException("The editor script is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
