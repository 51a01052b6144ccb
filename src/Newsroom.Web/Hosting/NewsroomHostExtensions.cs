using Microsoft.AspNetCore.DataProtection;
using Newsroom.Data;
using Newsroom.Modules;
using Newsroom.Modules.Shells;
using Newsroom.Web.Shell;

namespace Newsroom.Web.Hosting;

public static class NewsroomHostExtensions
{
    /// <summary>Host services: configuration, the data folder, data-protection keys, the module catalog and the shell.</summary>
    public static WebApplicationBuilder AddNewsroom(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(NewsroomOptions.Section).Get<NewsroomOptions>() ?? new NewsroomOptions();
        DatabaseProvider.ResolveConnectionString(options.Database, options.DataPath); // refuses a bad provider before anything else
        var dataPath = NewsroomDataPath.Prepare(options.DataPath, builder.Environment.ContentRootPath);

        services.Configure<NewsroomOptions>(builder.Configuration.GetSection(NewsroomOptions.Section));
        services.AddSingleton(dataPath);
        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection()
            .SetApplicationName("Newsroom")
            .PersistKeysToFileSystem(new DirectoryInfo(dataPath.Keys));

        var catalog = ModuleCatalog.Discover();
        services.AddSingleton(catalog);
        services.AddSingleton(ModelContributors.From(catalog));
        services.AddSingleton<NewsroomDatabase>();
        services.AddSingleton<DbShellDescriptorStore>();
        services.AddSingleton<IShellDescriptorStore>(sp => sp.GetRequiredService<DbShellDescriptorStore>());
        services.AddSingleton<IShellConfigurator, NewsroomShellConfigurator>();
        services.AddSingleton<ShellHost>();
        services.AddHostedService<ShellStartupService>();
        services.AddProblemDetails();
        return builder;
    }

    /// <summary>The host pipeline: errors, health, then the shell (which serves everything else).</summary>
    public static WebApplication UseNewsroom(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorPage.WriteAsync });
        }

        app.Map("/health", health => health.Run(HealthCheck.WriteAsync));
        app.UseStaticFiles();
        app.UseShell();
        return app;
    }
}
