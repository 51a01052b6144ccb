using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Newsroom.Data;
using Newsroom.Modules;
using Newsroom.Modules.Shells;
using Newsroom.Web.Shell;

namespace Newsroom.Web.Hosting;

public static class NewsroomHostExtensions
{
    /// <summary>Host services: configuration, the data folder, data-protection keys, the module catalog and the shell.</summary>
    /// <remarks>
    /// Nothing here reads <c>builder.Configuration</c> eagerly: configuration added later (a test
    /// host's settings, for one) must decide the data folder and the database, so both are resolved
    /// from the final configuration when the host starts, and checked first by <see cref="StartupCheck"/>.
    /// </remarks>
    public static WebApplicationBuilder AddNewsroom(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<NewsroomOptions>(builder.Configuration.GetSection(NewsroomOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NewsroomOptions>>().Value;
            DatabaseProvider.ResolveConnectionString(options.Database, options.DataPath); // refuses a bad provider before anything is created
            return NewsroomDataPath.Prepare(options.DataPath, sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        });
        services.AddSingleton(TimeProvider.System);

        // Registered before data protection's own hosted service, so a bad setting is reported
        // as such before anything tries to read keys or the database.
        services.AddHostedService<StartupCheck>();
        services.AddDataProtection().SetApplicationName("Newsroom");
        services.AddOptions<KeyManagementOptions>()
            .Configure<NewsroomDataPath, ILoggerFactory>((keys, dataPath, loggers) =>
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(dataPath.Keys), loggers));

        var catalog = ModuleCatalog.Discover();
        services.AddSingleton(catalog);
        services.AddSingleton(ModelContributors.From(catalog));
        services.AddSingleton<NewsroomDatabase>();
        services.AddSingleton<DbShellDescriptorStore>();
        services.AddSingleton<IShellDescriptorStore>(sp => sp.GetRequiredService<DbShellDescriptorStore>());
        services.AddSingleton<IShellConfigurator, NewsroomShellConfigurator>();
        services.AddSingleton<ShellHost>();
        services.AddHostedService<ShellStartupService>();
        // The host's HttpContextFactory sets the current request only when the accessor is registered
        // here; shells read it through their own accessor (the holder is shared).
        services.AddHttpContextAccessor();
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
            // The host's logger, not the request's services: those belong to a shell scope that
            // has already ended when the error page runs.
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Newsroom.Errors");
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => ErrorPage.WriteAsync(context, logger) });
        }

        app.Map("/health", health => health.Run(HealthCheck.WriteAsync));
        app.UseStaticFiles();
        app.UseShell();
        return app;
    }

    /// <summary>Resolves the settings that can be wrong (provider, data folder) before any other start-up work.</summary>
    private sealed class StartupCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<NewsroomDataPath>();
            _ = services.GetRequiredService<NewsroomDatabase>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
