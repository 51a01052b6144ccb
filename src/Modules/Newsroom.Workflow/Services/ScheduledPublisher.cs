using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Models;

namespace Newsroom.Workflow.Services;

/// <summary>
/// Publishes and unpublishes articles whose scheduled instant has come: once when the shell starts
/// (schedules missed while the site was down) and then every <see cref="Interval"/> on the site's
/// <see cref="TimeProvider"/>. Several processes may run it against one database: each due row is
/// claimed with a conditional UPDATE (<c>SET ScheduledPublishUtc = NULL WHERE ... = @due</c>) in the
/// same transaction as the publish, so exactly one process publishes it; the others update no row.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> logger) : IHostedService, IAsyncDisposable
{
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(30);

    private const int BatchSize = 50;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private Task _current = Task.CompletedTask;
    private int _requested;
    private long _completedRuns;

    /// <summary>Runs finished since start (tests wait on it instead of on the wall clock).</summary>
    public long CompletedRuns => Interlocked.Read(ref _completedRuns);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Catch up at once, then on every tick; a tick during a run queues one more run.
        Trigger();
        _timer = clock.CreateTimer(_ => Trigger(), null, Interval, Interval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        await _stopping.CancelAsync();
        try
        {
            await _current.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        _stopping.Dispose();
        _gate.Dispose();
    }

    private void Trigger()
    {
        Interlocked.Exchange(ref _requested, 1);
        lock (_sync)
        {
            if (_current.IsCompleted)
            {
                _current = Task.Run(LoopAsync);
            }
        }
    }

    private async Task LoopAsync()
    {
        while (Interlocked.Exchange(ref _requested, 0) == 1 && !_stopping.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduled publishing failed; it is tried again at the next tick.");
            }

            Interlocked.Increment(ref _completedRuns);
        }
    }

    /// <summary>Publishes, then unpublishes, everything due now.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<(string Id, DateTime Due)> toPublish, toUnpublish;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
                toPublish = (await db.Set<WorkflowIndex>().AsNoTracking()
                        .Where(w => w.ScheduledPublishUtc != null && w.ScheduledPublishUtc <= now)
                        .OrderBy(w => w.ScheduledPublishUtc).Take(BatchSize)
                        .Select(w => new { w.ContentItemId, Due = w.ScheduledPublishUtc!.Value })
                        .ToListAsync(cancellationToken))
                    .ConvertAll(w => (w.ContentItemId, w.Due));
                toUnpublish = (await db.Set<WorkflowIndex>().AsNoTracking()
                        .Where(w => w.ScheduledUnpublishUtc != null && w.ScheduledUnpublishUtc <= now)
                        .OrderBy(w => w.ScheduledUnpublishUtc).Take(BatchSize)
                        .Select(w => new { w.ContentItemId, Due = w.ScheduledUnpublishUtc!.Value })
                        .ToListAsync(cancellationToken))
                    .ConvertAll(w => (w.ContentItemId, w.Due));
            }

            foreach (var (id, due) in toPublish)
            {
                await ClaimAndRunAsync(id, due, publish: true, cancellationToken);
            }

            foreach (var (id, due) in toUnpublish)
            {
                await ClaimAndRunAsync(id, due, publish: false, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ClaimAndRunAsync(string id, DateTime due, bool publish, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var workflow = scope.ServiceProvider.GetRequiredService<EditorialWorkflow>();
            var done = await db.InTransactionAsync(
                async () =>
                {
                    // The claim: only the process whose UPDATE changes the row goes on. On PostgreSQL a
                    // second claimer waits for the first to commit, then finds the value gone.
                    var claimed = publish
                        ? await db.Set<WorkflowIndex>().Where(w => w.ContentItemId == id && w.ScheduledPublishUtc == due)
                            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ScheduledPublishUtc, (DateTime?)null), cancellationToken)
                        : await db.Set<WorkflowIndex>().Where(w => w.ContentItemId == id && w.ScheduledUnpublishUtc == due)
                            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ScheduledUnpublishUtc, (DateTime?)null), cancellationToken);
                    if (claimed != 1)
                    {
                        return false;
                    }

                    var latest = await contents.GetAsync(id, VersionOptions.Latest, cancellationToken);
                    if (latest is null)
                    {
                        return false;
                    }

                    if (publish)
                    {
                        await workflow.PublishScheduledAsync(latest, cancellationToken);
                    }
                    else if (await contents.GetAsync(id, VersionOptions.Published, cancellationToken) is not null)
                    {
                        await workflow.UnpublishScheduledAsync(latest, cancellationToken);
                    }

                    return true;
                },
                cancellationToken);
            if (done)
            {
                logger.LogInformation("Scheduled {Action} of {ContentItemId} (due {Due:u}) done.", publish ? "publish" : "unpublish", id, due);
            }
        }
        catch (Exception ex) when (ex is ContentValidationException or ContentConcurrencyException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Scheduled {Action} of {ContentItemId} failed; the schedule is cleared.", publish ? "publish" : "unpublish", id);
            await GiveUpAsync(id, due, publish, ex.Message, cancellationToken);
        }
    }

    /// <summary>
    /// A due item that cannot be published (it no longer validates) is taken off the schedule, back
    /// to draft, with the reason in the audit log, instead of being retried every tick forever.
    /// </summary>
    private async Task GiveUpAsync(string id, DateTime due, bool publish, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await db.InTransactionAsync(
            async () =>
            {
                var claimed = publish
                    ? await db.Set<WorkflowIndex>().Where(w => w.ContentItemId == id && w.ScheduledPublishUtc == due)
                        .ExecuteUpdateAsync(s => s.SetProperty(w => w.ScheduledPublishUtc, (DateTime?)null).SetProperty(w => w.Status, EditorialStatus.Draft), cancellationToken)
                    : await db.Set<WorkflowIndex>().Where(w => w.ContentItemId == id && w.ScheduledUnpublishUtc == due)
                        .ExecuteUpdateAsync(s => s.SetProperty(w => w.ScheduledUnpublishUtc, (DateTime?)null), cancellationToken);
                if (claimed == 1)
                {
                    var item = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest, cancellationToken);
                    audit.Add(publish ? "ScheduledPublishFailed" : "ScheduledUnpublishFailed", item ?? new ContentItem { ContentItemId = id }, reason);
                    await db.SaveChangesAsync(cancellationToken);
                }
            },
            cancellationToken);
    }
}
