using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newsroom.Data;

namespace Newsroom.Contents.Scheduling;

/// <summary>
/// Runs due schedules: once when the shell starts (schedules missed while the site was down), then
/// every <see cref="Interval"/> on the site's <see cref="TimeProvider"/>. Only the process holding the
/// "content-scheduler" lease works; the row claim in <see cref="ContentScheduler"/> keeps each schedule
/// exactly-once even if two processes overlap at a lease hand-over.
/// </summary>
public sealed class ScheduledPublishingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    public const string LeaseName = "content-scheduler";

    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Longer than <see cref="Interval"/> so the holder renews it; a crashed holder's lease lapses within a minute.</summary>
    public static TimeSpan LeaseDuration { get; } = TimeSpan.FromSeconds(60);

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Hands the lease back so the next shell (or another node) takes over at once, not at its expiry.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ILeaseManager>().ReleaseAsync(LeaseName, _owner, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The scheduler lease was not released; it lapses on its own");
        }
    }

    /// <summary>One pass: take or renew the lease, then run what is due. Never throws (the loop must go on).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<ILeaseManager>();
            if (!await leases.TryAcquireAsync(LeaseName, _owner, LeaseDuration, cancellationToken))
            {
                return 0;
            }

            return await scope.ServiceProvider.GetRequiredService<ContentScheduler>().RunDueAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Running scheduled publishing failed; retrying at the next tick");
            return 0;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
