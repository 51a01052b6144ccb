using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using Newsroom.Modules;
using Newsroom.Theme.Assets;

namespace Newsroom.Theme;

/// <summary>
/// Serves the theme's CSS from the assembly. A published site also has the files under
/// wwwroot/_content (static web assets, served by the host before the shell); a site run from a
/// build in Production does not, and this keeps it styled.
/// </summary>
public sealed class DisplayStartup : StartupBase
{
    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(DisplayStartup).Assembly, ThemeAssets.ResourcePrefix),
            RequestPath = ThemeAssets.RequestPath,
            OnPrepareResponse = context =>
            {
                var versioned = context.Context.Request.Query.ContainsKey("v");
                context.Context.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600";
            },
        });
}
