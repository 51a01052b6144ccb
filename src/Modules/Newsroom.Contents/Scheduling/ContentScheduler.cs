using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Newsroom.ContentManagement;
using Newsroom.Data;

namespace Newsroom.Contents.Scheduling;

/// <summary>Schedules publish/unpublish instants and runs the ones that are due.</summary>
public sealed class ContentScheduler(
    NewsroomDbContext db,
    IContentManager contents,
    IContentActor actor,
    TimeProvider clock,
    ILogger<ContentScheduler> logger)
{
    /// <summary>How many due schedules one run takes on; the next run takes the rest.</summary>
    public const int BatchSize = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Schedules <paramref name="action"/> at <paramref name="dueUtc"/>, replacing a pending schedule of the same action.</summary>
    public Task<ContentSchedule> ScheduleAsync(string contentItemId, ScheduledAction action, DateTime dueUtc, CancellationToken cancellationToken = default)
    {
        if (dueUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Schedules are stored in UTC: convert the editor's local time first.", nameof(dueUtc));
        }

        return db.InTransactionAsync(
            async () =>
            {
                await db.Set<ContentSchedule>()
                    .Where(s => s.ContentItemId == contentItemId && s.Action == action && s.DoneUtc == null)
                    .ExecuteDeleteAsync(cancellationToken);
                var schedule = new ContentSchedule
                {
                    ContentItemId = contentItemId,
                    Action = action,
                    DueUtc = dueUtc,
                    CreatedBy = actor.Name,
                    CreatedUtc = Now,
                };
                db.Set<ContentSchedule>().Add(schedule);
                await db.SaveChangesAsync(cancellationToken);
                return schedule;
            },
            cancellationToken);
    }

    /// <summary>Pending schedules of an item, soonest first.</summary>
    public async Task<IReadOnlyList<ContentSchedule>> PendingAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.Set<ContentSchedule>().AsNoTracking()
            .Where(s => s.ContentItemId == contentItemId && s.DoneUtc == null)
            .OrderBy(s => s.DueUtc)
            .ToListAsync(cancellationToken);

    /// <summary>How many items wait for a scheduled publish, and the soonest <paramref name="take"/> of them.</summary>
    public async Task<(int Count, IReadOnlyList<ContentSchedule> Next)> UpcomingPublishesAsync(int take, CancellationToken cancellationToken = default)
    {
        var pending = db.Set<ContentSchedule>().AsNoTracking().Where(s => s.DoneUtc == null && s.Action == ScheduledAction.Publish);
        var count = await pending.CountAsync(cancellationToken);
        var next = await pending.OrderBy(s => s.DueUtc).ThenBy(s => s.Id).Take(take).ToListAsync(cancellationToken);
        return (count, next);
    }

    public Task CancelAsync(string contentItemId, ScheduledAction action, CancellationToken cancellationToken = default) =>
        db.Set<ContentSchedule>()
            .Where(s => s.ContentItemId == contentItemId && s.Action == action && s.DoneUtc == null)
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Runs every due schedule (up to <see cref="BatchSize"/>), each in its own transaction with the
    /// row claim, so two processes running this at once never run one schedule twice.
    /// </summary>
    /// <returns>How many schedules this call ran.</returns>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.Set<ContentSchedule>().AsNoTracking()
            .Where(s => s.DoneUtc == null && s.DueUtc <= now)
            .OrderBy(s => s.DueUtc).ThenBy(s => s.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var schedule in due)
        {
            try
            {
                if (await RunAsync(schedule, now, cancellationToken))
                {
                    ran++;
                }
            }
            catch (Exception ex) when (ex is ContentValidationException or ContentConcurrencyException or InvalidOperationException)
            {
                // Leave a reason and stop retrying: an editor must look at it.
                logger.LogWarning(ex, "Scheduled {Action} of {ContentItemId} failed", schedule.Action, schedule.ContentItemId);
                await db.Set<ContentSchedule>()
                    .Where(s => s.Id == schedule.Id && s.DoneUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.DoneUtc, now).SetProperty(x => x.Error, ex.Message), cancellationToken);
            }
        }

        return ran;
    }

    private Task<bool> RunAsync(ContentSchedule schedule, DateTime now, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async () =>
            {
                var claimed = await db.Set<ContentSchedule>()
                    .Where(s => s.Id == schedule.Id && s.DoneUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.DoneUtc, now), cancellationToken);
                if (claimed == 0)
                {
                    return false; // another process ran it
                }

                var item = await contents.GetAsync(schedule.ContentItemId, VersionOptions.Latest, cancellationToken);
                if (item is null)
                {
                    await db.Set<ContentSchedule>()
                        .Where(s => s.Id == schedule.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Error, "The item no longer exists or is in the trash."), cancellationToken);
                    return true;
                }

                if (schedule.Action == ScheduledAction.Publish)
                {
                    await contents.PublishAsync(item, cancellationToken);
                }
                else
                {
                    await contents.UnpublishAsync(item, cancellationToken);
                }

                logger.LogInformation("Scheduled {Action} of {ContentItemId} done", schedule.Action, schedule.ContentItemId);
                return true;
            },
            cancellationToken);
}
