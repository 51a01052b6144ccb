using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Newsroom.Modules.Shells;

/// <summary>
/// One built shell: the service provider of the enabled features and the request pipeline made from
/// them. A reload builds a new one; the old one is disposed when its last request has finished.
/// </summary>
public sealed class ShellContext : IAsyncDisposable
{
    private readonly List<IHostedService> _hostedServices = [];
    private int _activeRequests;
    private int _released;
    private int _disposed;

    internal ShellContext(ShellBlueprint blueprint, ServiceProvider services, RequestDelegate pipeline)
    {
        Blueprint = blueprint;
        ServiceProvider = services;
        Pipeline = pipeline;

        // Resolved once per shell, not per request: the shortcuts run before any request scope exists.
        Shortcuts = [.. services.GetServices<IShellRequestShortcut>()];
    }

    public ShellBlueprint Blueprint { get; }

    public ServiceProvider ServiceProvider { get; }

    public RequestDelegate Pipeline { get; }

    /// <summary>Run in order before the pipeline; the first that answers ends the request.</summary>
    internal IShellRequestShortcut[] Shortcuts { get; }

    internal async Task StartHostedServicesAsync(CancellationToken cancellationToken)
    {
        foreach (var service in ServiceProvider.GetServices<IHostedService>())
        {
            await service.StartAsync(cancellationToken);
            _hostedServices.Add(service);
        }
    }

    /// <summary>Marks a request as running in this shell; dispose the lease when it ends.</summary>
    internal Lease Enter()
    {
        Interlocked.Increment(ref _activeRequests);
        return new Lease(this);
    }

    /// <summary>The shell was replaced: dispose it once no request uses it.</summary>
    internal Task ReleaseAsync()
    {
        Volatile.Write(ref _released, 1);
        return Volatile.Read(ref _activeRequests) == 0 ? DisposeAsync().AsTask() : Task.CompletedTask;
    }

    private void Exit()
    {
        if (Interlocked.Decrement(ref _activeRequests) == 0 && Volatile.Read(ref _released) == 1)
        {
            _ = DisposeAsync().AsTask();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        for (var i = _hostedServices.Count - 1; i >= 0; i--)
        {
            await _hostedServices[i].StopAsync(CancellationToken.None);
        }

        await ServiceProvider.DisposeAsync();
    }

    internal readonly struct Lease(ShellContext shell) : IDisposable
    {
        public void Dispose() => shell.Exit();
    }
}
