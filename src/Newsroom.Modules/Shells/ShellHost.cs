using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Newsroom.Modules.Shells;

/// <summary>
/// Holds the running shell and rebuilds it when the site's features change, here or on another
/// node (noticed by comparing the stored descriptor version at most every <see cref="FreshnessInterval"/>).
/// </summary>
public sealed class ShellHost(
    IServiceProvider hostServices,
    ModuleCatalog catalog,
    IShellDescriptorStore descriptorStore,
    IShellConfigurator configurator,
    TimeProvider clock,
    ILogger<ShellHost> logger) : IAsyncDisposable
{
    // Host services every shell shares: one instance for the process, never rebuilt per shell.
    // Data protection is the host's whole key ring (provider, key manager, ring provider): a shell
    // with its own would make keys of its own, in the default folder instead of the data folder.
    private static readonly Type[] s_forwardedServices =
    [
        typeof(IConfiguration), typeof(IWebHostEnvironment), typeof(IHostEnvironment), typeof(ILoggerFactory),
        typeof(IHostApplicationLifetime), typeof(DiagnosticListener), typeof(DiagnosticSource), typeof(TimeProvider),
        typeof(IDataProtectionProvider), typeof(IKeyManager), typeof(IKeyRingProvider), typeof(ModuleCatalog), typeof(IShellDescriptorStore),
    ];

    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private ShellContext? _current;
    private long _lastFreshnessCheck;

    public static TimeSpan FreshnessInterval { get; } = TimeSpan.FromSeconds(2);

    public ShellContext Current => _current ?? throw new InvalidOperationException("The shell has not been started.");

    public bool IsStarted => _current is not null;

    public Task StartAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    /// <summary>Builds a shell from the stored descriptor, activates it, then swaps it in.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            var descriptor = await descriptorStore.LoadAsync(cancellationToken);
            var shell = Build(new ShellBlueprint(descriptor, catalog));
            try
            {
                await ActivateAsync(shell, cancellationToken);
            }
            catch
            {
                await shell.DisposeAsync();
                throw;
            }

            var previous = Interlocked.Exchange(ref _current, shell);
            _lastFreshnessCheck = clock.GetTimestamp();
            logger.LogInformation(
                "Shell {Version} started with features: {Features}",
                descriptor.Version,
                string.Join(", ", shell.Blueprint.EnabledModules.Select(m => m.Id)));
            if (previous is not null)
            {
                await previous.ReleaseAsync();
            }
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>Reloads when another node changed the descriptor; cheap when nothing changed.</summary>
    public async ValueTask EnsureFreshAsync(CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastFreshnessCheck);
        if (clock.GetElapsedTime(last) < FreshnessInterval
            || Interlocked.CompareExchange(ref _lastFreshnessCheck, clock.GetTimestamp(), last) != last)
        {
            return;
        }

        var stored = await descriptorStore.GetVersionAsync(cancellationToken);
        if (stored != Current.Blueprint.Descriptor.Version)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    internal ShellContext.Lease Enter(out ShellContext shell)
    {
        shell = Current;
        return shell.Enter();
    }

    private ShellContext Build(ShellBlueprint blueprint)
    {
        var services = new ServiceCollection();
        foreach (var type in s_forwardedServices)
        {
            if (hostServices.GetService(type) is { } instance)
            {
                services.AddSingleton(type, instance);
            }
        }

        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(this);
        services.AddSingleton(blueprint);
        services.AddOptions();
        configurator.ConfigureServices(services, blueprint);

        var startups = blueprint.EnabledModules
            .SelectMany((module, index) => module.CreateStartups().Select(startup => (startup, index)))
            .OrderBy(s => s.index).ThenBy(s => s.startup.Order)
            .Select(s => s.startup)
            .ToList();
        foreach (var startup in startups)
        {
            startup.ConfigureServices(services);
        }

        // MVC (antiforgery) calls AddDataProtection() in the shell, which registers a hosted service
        // that creates a key when its key ring is empty. The ring is the host's (forwarded above)
        // and the host already runs that service: a second one only races it to a second key.
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.Assembly == typeof(IKeyManager).Assembly)
            {
                services.RemoveAt(i);
            }
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
        var app = new ApplicationBuilder(provider);
        app.UseRouting();
        configurator.ConfigurePipeline(app, blueprint);
        app.UseEndpoints(routes =>
        {
            foreach (var startup in startups)
            {
                startup.Configure(app, routes, provider);
            }
        });

        return new ShellContext(blueprint, provider, app.Build());
    }

    private static async Task ActivateAsync(ShellContext shell, CancellationToken cancellationToken)
    {
        await using (var scope = shell.ServiceProvider.CreateAsyncScope())
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IShellActivatedHandler>())
            {
                await handler.ActivatedAsync(cancellationToken);
            }
        }

        await shell.StartHostedServicesAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _current, null) is { } shell)
        {
            await shell.DisposeAsync();
        }

        _reloadLock.Dispose();
    }
}
