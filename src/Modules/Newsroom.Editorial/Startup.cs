using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Editorial.Pickers;
using Newsroom.Editorial.Services;
using Newsroom.Modules;
using Newsroom.Users.Navigation;

namespace Newsroom.Editorial;

public sealed class Startup : StartupBase
{
    public const string ScriptPath = "/admin/assets/editor.js";

    /// <summary>The one picker (combobox) every admin page uses: bylines, related-link targets.</summary>
    public const string PickerScriptPath = "/admin/assets/picker.js";

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<PrePublishChecks>();
        services.AddScoped<EditLocks>();
        services.AddScoped<ArticleTargets>();

        // Every button goes through the workflow (roles, update log, audit, scheduling).
        services.AddScoped<IEditorActions, WorkflowEditorActions>();
        services.AddScoped<INavigationProvider, AdminMenu>();
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
        MapScript(routes, ScriptPath, "Newsroom.Editorial.editor.js");
        MapScript(routes, PickerScriptPath, "Newsroom.Editorial.picker.js");
    }

    // Scripts are embedded in the assembly: nothing is fetched at run time, and they ship with the module.
    private static void MapScript(IEndpointRouteBuilder routes, string path, string resource)
    {
        var script = ReadScript(resource);
        routes.MapGet(path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Text(script, "text/javascript; charset=utf-8");
        });
    }

    private static string ReadScript(string resource)
    {
        using var stream = typeof(Startup).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The script '{resource}' is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
