using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Newsroom.ContentManagement.Caching;
using Newsroom.ContentManagement.Handlers;
using Newsroom.ContentManagement.Metadata;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Npgsql;

namespace Newsroom.ContentManagement;

/// <inheritdoc />
public sealed class ContentManager(
    NewsroomDbContext db,
    IServiceProvider services,
    IContentDefinitionManager definitions,
    IContentActor actor,
    IPublishedCache publishedCache,
    TimeProvider clock) : IContentManager
{
    // Resolved on first use: handlers often need the content manager themselves (to read the
    // bylines or targets an article points at), which a constructor dependency would make circular.
    private ContentHandler[]? _handlers;

    private readonly TransactionReads _reads = new();

    private ContentHandler[] Handlers => _handlers ??= services.GetServices<ContentHandler>().ToArray();

    private DbSet<ContentItemRecord> Records => db.Set<ContentItemRecord>();

    // Only asked when the context says a transaction is open: reading CurrentTransaction sets up EF's
    // services, which a page answered from caches alone never needs.
    private object? CurrentTransaction => db.InTransaction ? db.Database.CurrentTransaction : null;

    // Whole microseconds: PostgreSQL keeps no more, so the instant on the item after a save is the
    // instant a later read returns (and "changed at HH:MM:SS" compares equal on both providers).
    private DateTime Now
    {
        get
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        }
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public async Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default)
    {
        _ = await definitions.GetTypeDefinitionAsync(contentType, cancellationToken) ?? throw new ContentTypeNotFoundException(contentType);
        var item = new ContentItem { ContentItemId = NewId(), ContentItemVersionId = NewId(), ContentType = contentType };
        await InvokeAsync(h => h.InitializingAsync(new ContentContext(item)));
        return item;
    }

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (options is null || options.IsPublished)
        {
            return (await PublishedRecordsAsync([contentItemId], cancellationToken)).GetValueOrDefault(contentItemId)?.ToItem();
        }

        var record = await Select(Records.AsNoTracking().Where(r => r.ContentItemId == contentItemId), options).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToItem(record);
    }

    public async Task<IReadOnlyList<ContentItem>> GetManyAsync(IEnumerable<string> contentItemIds, VersionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var ids = contentItemIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        if (options is null || options.IsPublished)
        {
            var published = await PublishedRecordsAsync(ids, cancellationToken);
            return ids.Select(id => published.GetValueOrDefault(id)?.ToItem()).OfType<ContentItem>().ToList();
        }

        var byId = (await Select(Records.AsNoTracking().Where(r => ids.Contains(r.ContentItemId)), options).ToListAsync(cancellationToken))
            .ToDictionary(r => r.ContentItemId);
        return ids.Where(byId.ContainsKey).Select(id => ToItem(byId[id])).ToList();
    }

    /// <summary>
    /// Published version rows by id, through the published cache (every public page reads them). Each
    /// caller gets its own <see cref="ContentItem"/> parsed from the shared row, so nobody can change
    /// what another request sees.
    /// </summary>
    private async Task<Dictionary<string, PublishedRow?>> PublishedRecordsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (!_reads.Enter(CurrentTransaction))
        {
            // An unpublished id is remembered too: pages ask for the same targets again. The row is
            // kept with its content parsed (a list page reads 24 of them on every request).
            return await publishedCache.GetManyAsync(
                ids,
                PublishedKey,
                async (missing, c) => (await LoadPublishedAsync(missing, c)).ToDictionary(p => p.Key, p => PublishedRow.Parsed(p.Value), StringComparer.Ordinal),
                row => row?.CacheSize ?? 256,
                cancellationToken);
        }

        // No shared cache inside a transaction (it may hold this transaction's uncommitted writes),
        // but what this transaction read already stands until it writes the item.
        var found = new Dictionary<string, PublishedRow?>(ids.Count, StringComparer.Ordinal);
        var unread = new List<string>();
        foreach (var id in ids)
        {
            if (_reads.Published.TryGetValue(id, out var read))
            {
                found[id] = PublishedRow.Of(read);
            }
            else
            {
                unread.Add(id);
            }
        }

        if (unread.Count > 0)
        {
            var loaded = await LoadPublishedAsync(unread, cancellationToken);
            foreach (var id in unread)
            {
                found[id] = PublishedRow.Of(_reads.Published[id] = loaded.GetValueOrDefault(id));
            }
        }

        return found;
    }

    private async Task<Dictionary<string, ContentItemRecord>> LoadPublishedAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        // One id (the article page) as an equality, not IN: a seek on UX_ContentItems_Published either way, but no list parameter.
        var single = ids[0];
        var many = ids as List<string> ?? [.. ids];
        var query = ids.Count == 1
            ? Records.AsNoTracking().Where(r => r.ContentItemId == single)
            : Records.AsNoTracking().Where(r => many.Contains(r.ContentItemId));
        return (await Select(query, VersionOptions.Published).ToListAsync(cancellationToken)).ToDictionary(r => r.ContentItemId, StringComparer.Ordinal);
    }

    private static string PublishedKey(string contentItemId) => "content:published:" + contentItemId;

    public async Task<IReadOnlyDictionary<string, string>> GetLatestTypesAsync(IEnumerable<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var remember = _reads.Enter(CurrentTransaction);
        var missing = new List<string>();
        foreach (var id in contentItemIds.Distinct(StringComparer.Ordinal))
        {
            if (remember && _reads.LatestTypes.TryGetValue(id, out var type))
            {
                if (type is not null)
                {
                    found[id] = type;
                }
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var rows = await Records.AsNoTracking()
            .Where(r => missing.Contains(r.ContentItemId) && r.Latest && !r.Deleted)
            .Select(r => new { r.ContentItemId, r.ContentType })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            found[row.ContentItemId] = row.ContentType;
        }

        if (remember)
        {
            foreach (var id in missing)
            {
                _reads.LatestTypes[id] = found.GetValueOrDefault(id);
            }
        }

        return found;
    }

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        var record = await Records.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemVersionId == contentItemVersionId, cancellationToken);
        return record is null ? null : ToItem(record);
    }

    public async Task<IReadOnlyList<ContentItem>> ListVersionsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        (await Records.AsNoTracking().Where(r => r.ContentItemId == contentItemId).OrderBy(r => r.Number).ToListAsync(cancellationToken))
            .ConvertAll(r => ToItem(r));

    public Task CreateAsync(ContentItem item, VersionOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteAsync(
            item,
            async () =>
            {
                var publish = options?.IsPublished == true;
                await ValidateAsync(item, publish);
                var id = item.ContentItemId;
                if (await Records.AnyAsync(r => r.ContentItemId == id, cancellationToken))
                {
                    throw new InvalidOperationException($"Content item {item.ContentItemId} exists already.");
                }

                var record = await InsertFirstVersionAsync(item, cancellationToken);
                if (publish)
                {
                    await PublishRecordAsync(record, item, Now, cancellationToken, firstVersion: true);
                }
            },
            cancellationToken);

    public Task SaveDraftAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        WriteAsync(item, () => SaveCoreAsync(item, publish: false, forceNewVersion: false, cancellationToken), cancellationToken);

    public Task PublishAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        WriteAsync(item, () => SaveCoreAsync(item, publish: true, forceNewVersion: false, cancellationToken), cancellationToken);

    public Task UnpublishAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        WriteAsync(
            item,
            async () =>
            {
                var latest = await LoadLatestForWriteAsync(item, cancellationToken);
                await UnpublishCoreAsync(item.ContentItemId, cancellationToken);
                latest.ConcurrencyStamp = NewId();
                await db.SaveChangesAsync(cancellationToken);
                CopyMetadata(latest, item);
            },
            cancellationToken);

    public Task DiscardDraftAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        WriteAsync(
            item,
            async () =>
            {
                var latest = await LoadLatestForWriteAsync(item, cancellationToken);
                if (latest.Published)
                {
                    return;
                }

                var published = await Records.FirstOrDefaultAsync(r => r.ContentItemId == item.ContentItemId && r.Published, cancellationToken)
                    ?? throw new InvalidOperationException($"Content item {item.ContentItemId} has no published version to go back to; delete it instead.");
                Records.Remove(latest);
                await db.SaveChangesAsync(cancellationToken);
                published.Latest = true;
                published.ConcurrencyStamp = NewId();
                await db.SaveChangesAsync(cancellationToken);
                CopyMetadata(published, item);
                item.LoadContent(published.Data);
                item.DisplayText = published.DisplayText;
                await InvokeAsync(h => h.DraftDiscardedAsync(new ContentContext(item)));
            },
            cancellationToken);

    public async Task<ContentItem> CloneAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        var clone = await NewAsync(item.ContentType, cancellationToken);
        clone.LoadContent(item.SerializeContent());
        clone.DisplayText = item.DisplayText;
        await CreateAsync(clone, VersionOptions.Draft, cancellationToken);
        return clone;
    }

    public Task RemoveAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        WriteAsync(
            item,
            async () =>
            {
                var latest = await LoadLatestForWriteAsync(item, cancellationToken);
                var context = new ContentContext(item);
                await InvokeAsync(h => h.RemovingAsync(context));
                await UnpublishCoreAsync(item.ContentItemId, cancellationToken);
                latest.Deleted = true;
                latest.ConcurrencyStamp = NewId();
                latest.ModifiedUtc = Now;
                latest.Author = actor.Name;
                await db.SaveChangesAsync(cancellationToken);
                CopyMetadata(latest, item);
                await InvokeAsync(h => h.RemovedAsync(context));
            },
            cancellationToken);

    public async Task RestoreAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var probe = new ContentItem { ContentItemId = contentItemId };
        await WriteAsync(
            probe,
            async () =>
            {
                var latest = await Records.FirstOrDefaultAsync(r => r.ContentItemId == contentItemId && r.Latest, cancellationToken)
                    ?? throw new ContentNotFoundException(contentItemId);
                if (!latest.Deleted)
                {
                    return;
                }

                latest.Deleted = false;
                latest.ConcurrencyStamp = NewId();
                latest.ModifiedUtc = Now;
                latest.Author = actor.Name;
                await db.SaveChangesAsync(cancellationToken);
                await InvokeAsync(h => h.RestoredAsync(new ContentContext(ToItem(latest))));
            },
            cancellationToken);
    }

    public async Task<ContentItem> RestoreVersionAsync(ContentItem latest, string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        var version = await Records.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ContentItemVersionId == contentItemVersionId && r.ContentItemId == latest.ContentItemId, cancellationToken)
            ?? throw new ContentNotFoundException($"{latest.ContentItemId} version {contentItemVersionId}");
        latest.LoadContent(version.Data);
        latest.DisplayText = version.DisplayText;
        await WriteAsync(latest, () => SaveCoreAsync(latest, publish: false, forceNewVersion: true, cancellationToken), cancellationToken);
        return latest;
    }

    public async Task<ImportResult> ImportAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        var result = ImportResult.Unchanged;
        await WriteAsync(item, async () => result = await ImportOneAsync(item, knownNew: false, cancellationToken), cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<ImportResult>> ImportAsync(IEnumerable<ContentItem> items, CancellationToken cancellationToken = default)
    {
        var batch = items.ToList();
        var results = new List<ImportResult>(batch.Count);
        if (batch.Count == 0)
        {
            return results;
        }

        var current = batch[0];
        // What the caller tracked before the import stays tracked; everything the import tracks is
        // saved and let go after each item (see ReleaseImportedAsync).
        var callerTracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        // When the transaction is ours a failing item rolls all of it back, so the savepoint EF sets
        // around each SaveChanges (to undo just that save) is never used: two statements less per item.
        // In the caller's transaction it stays: the caller may go on after a failed import.
        var ownTransaction = db.Database.CurrentTransaction is null;
        var savepoints = db.Database.AutoSavepointsEnabled;
        // A batch rewrites the same index pages item after item: with the default page cache they are
        // read back and spilled again and again before the commit.
        await using var cache = ownTransaction ? await db.UseLargePageCacheAsync(cancellationToken) : null;
        try
        {
            await db.InTransactionAsync(
                async () =>
                {
                    if (ownTransaction)
                    {
                        db.Database.AutoSavepointsEnabled = false;
                    }

                    var remember = _reads.Enter(CurrentTransaction);
                    // One query for the batch instead of one per item: most imported items are new.
                    var ids = batch.Select(i => i.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
                    var existing = (await Records.AsNoTracking()
                        .Where(r => ids.Contains(r.ContentItemId) && r.Latest)
                        .Select(r => r.ContentItemId)
                        .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
                    await InvokeAsync(h => h.ImportingAsync(new ImportContext(batch, allOrNothing: ownTransaction)));
                    foreach (var item in batch)
                    {
                        current = item;
                        _reads.Forget(item.ContentItemId);
                        results.Add(await ImportOneAsync(item, knownNew: !existing.Contains(item.ContentItemId), cancellationToken));
                        existing.Add(item.ContentItemId);
                        await ReleaseImportedAsync(callerTracked, cancellationToken);
                        _reads.Forget(item.ContentItemId);
                        if (remember)
                        {
                            // Saved: the latest version of an imported item is never deleted.
                            _reads.LatestTypes[item.ContentItemId] = item.ContentType;
                        }
                    }
                },
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex))
        {
            throw await LostRaceAsync(current.ContentItemId);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }

        return results;
    }

    /// <summary>
    /// Lets go of the entities one imported item tracked (its version rows and its handlers' index
    /// rows, all saved by now). Without this every SaveChanges of a batch scans every entity tracked
    /// since the batch began, so the cost per item grew with the batch (O(n²) per batch).
    /// </summary>
    private async Task ReleaseImportedAsync(HashSet<object> callerTracked, CancellationToken cancellationToken)
    {
        await SaveStagedAsync(cancellationToken);

        if (callerTracked.Count == 0)
        {
            db.ChangeTracker.Clear();
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries().Where(e => !callerTracked.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Imports one item inside the open transaction. <paramref name="knownNew"/>: the caller already
    /// knows the item has no version yet (the batch asked once for all its items).
    /// </summary>
    private async Task<ImportResult> ImportOneAsync(ContentItem item, bool knownNew, CancellationToken cancellationToken)
    {
        // Locals in queries, not members of item: EF reads a captured local directly but compiles a
        // delegate, on every call, to evaluate a member of one.
        var id = item.ContentItemId;
        var versionId = item.ContentItemVersionId;
        var latest = knownNew ? null : await Records.FirstOrDefaultAsync(r => r.ContentItemId == id && r.Latest, cancellationToken);
        if (latest is null)
        {
            await ValidateAsync(item, item.Published);
            // Read before the insert: it copies the new row's metadata (not yet published) onto the item.
            var publish = item.Published;
            var publishedUtc = item.PublishedUtc ?? Now;
            var record = await InsertFirstVersionAsync(item, cancellationToken, track: false);
            if (publish)
            {
                await PublishRecordAsync(record, item, publishedUtc, cancellationToken, firstVersion: true);
            }

            // Only ever inserted in this write, so on SQLite it skips EF's change tracking like the
            // handlers' index rows. Staged once its values are final: an insert-only row is written as
            // it is at the next save, and nothing in this write saves before the item ends.
            db.AddInsertOnly(record);
            return ImportResult.Created;
        }

        var data = item.SerializeContent();
        var same = await Records.FirstOrDefaultAsync(r => r.ContentItemVersionId == versionId, cancellationToken);
        if (same is not null && same.Data == data && same.DisplayText == item.DisplayText && same.Published == item.Published && !latest.Deleted)
        {
            CopyMetadata(same, item);
            return ImportResult.Unchanged;
        }

        // A different version: it replaces the current one, like an editor's save.
        var publishWanted = item.Published;
        item.ConcurrencyStamp = latest.ConcurrencyStamp;
        if (latest.Deleted)
        {
            latest.Deleted = false;
        }

        if (same is null && !string.IsNullOrEmpty(item.ContentItemVersionId))
        {
            await SaveCoreAsync(item, publishWanted, forceNewVersion: true, cancellationToken, item.ContentItemVersionId);
        }
        else
        {
            await SaveCoreAsync(item, publishWanted, forceNewVersion: false, cancellationToken);
        }

        return ImportResult.Updated;
    }

    private async Task SaveCoreAsync(ContentItem item, bool publish, bool forceNewVersion, CancellationToken cancellationToken, string? newVersionId = null)
    {
        var latest = await LoadLatestForWriteAsync(item, cancellationToken);
        await ValidateAsync(item, publish);
        var target = latest;
        var changed = forceNewVersion || item.SerializeContent() != latest.Data || item.DisplayText != latest.DisplayText;
        if (changed)
        {
            var definition = await definitions.GetTypeDefinitionAsync(item.ContentType, cancellationToken);
            var newVersion = forceNewVersion || latest.Published || definition?.Settings.Versionable == true;
            var context = new UpdateContentContext(item, newVersion);
            await InvokeAsync(h => h.UpdatingAsync(context));
            if (newVersion)
            {
                // Free the unique "latest" slot before the new version takes it.
                latest.Latest = false;
                latest.ConcurrencyStamp = NewId();
                await db.SaveChangesAsync(cancellationToken);
                var number = await Records.Where(r => r.ContentItemId == item.ContentItemId).MaxAsync(r => r.Number, cancellationToken);
                target = new ContentItemRecord
                {
                    ContentItemId = item.ContentItemId,
                    ContentItemVersionId = newVersionId ?? NewId(),
                    ContentType = latest.ContentType,
                    Number = number + 1,
                    Latest = true,
                    Owner = latest.Owner,
                    CreatedUtc = latest.CreatedUtc,
                };
                Records.Add(target);
            }

            target.Data = item.SerializeContent();
            target.DisplayText = item.DisplayText;
            target.ModifiedUtc = Now;
            target.Author = actor.Name;
            target.ConcurrencyStamp = NewId();
            await db.SaveChangesAsync(cancellationToken);
            CopyMetadata(target, item);
            await InvokeAsync(h => h.UpdatedAsync(context));
        }

        if (publish && !target.Published)
        {
            await PublishRecordAsync(target, item, Now, cancellationToken);
        }
    }

    /// <param name="track">
    /// False: the caller stages the returned row itself once the write is done with it (an import,
    /// see <see cref="ImportOneAsync"/>); true: it is tracked and saved with the write.
    /// </param>
    private async Task<ContentItemRecord> InsertFirstVersionAsync(ContentItem item, CancellationToken cancellationToken, bool track = true)
    {
        var now = Now;
        item.CreatedUtc ??= now;
        item.ModifiedUtc ??= now;
        item.Owner ??= actor.Name;
        item.Author ??= actor.Name;
        item.Number = 1;
        item.Latest = true;
        item.Published = false;
        item.Deleted = false;
        if (string.IsNullOrEmpty(item.ContentItemVersionId))
        {
            item.ContentItemVersionId = NewId();
        }

        var context = new ContentContext(item) { NewItem = true };
        await InvokeAsync(h => h.CreatingAsync(context));
        var record = new ContentItemRecord
        {
            ContentItemId = item.ContentItemId,
            ContentItemVersionId = item.ContentItemVersionId,
            ContentType = item.ContentType,
            Number = 1,
            Latest = true,
            DisplayText = item.DisplayText,
            Owner = item.Owner,
            Author = item.Author,
            CreatedUtc = item.CreatedUtc.Value,
            ModifiedUtc = item.ModifiedUtc.Value,
            ConcurrencyStamp = NewId(),
            Data = item.SerializeContent(),
        };
        if (track)
        {
            // Saved with the write (or with the publish that follows): nothing reads the row back before.
            Records.Add(record);
        }

        CopyMetadata(record, item);
        await InvokeAsync(h => h.CreatedAsync(context));
        return record;
    }

    /// <param name="firstVersion">The item was inserted in this write, so no version of it was published before: no need to ask.</param>
    private async Task PublishRecordAsync(ContentItemRecord record, ContentItem item, DateTime publishedUtc, CancellationToken cancellationToken, bool firstVersion = false)
    {
        var previousRecord = firstVersion
            ? null
            : await PublishedRecordAsync(record.ContentItemId, cancellationToken);
        var context = new PublishContentContext(item, previousRecord is null ? null : ToItem(previousRecord)) { NewItem = firstVersion };
        await InvokeAsync(h => h.PublishingAsync(context));
        if (previousRecord is not null)
        {
            // Free the unique "published" slot first; the old version stays as history.
            previousRecord.Published = false;
            await db.SaveChangesAsync(cancellationToken);
        }

        record.Published = true;
        record.PublishedUtc = publishedUtc;
        record.ConcurrencyStamp = NewId();
        if (!firstVersion)
        {
            // A first version takes the published slot no other version holds: it is saved with the
            // write, one statement with its insert.
            await db.SaveChangesAsync(cancellationToken);
        }

        CopyMetadata(record, item);
        await InvokeAsync(h => h.PublishedAsync(context));
    }

    // Tracked: the caller takes the published flag off it.
    private Task<ContentItemRecord?> PublishedRecordAsync(string contentItemId, CancellationToken cancellationToken) =>
        Records.FirstOrDefaultAsync(r => r.ContentItemId == contentItemId && r.Published, cancellationToken);

    private async Task UnpublishCoreAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var published = await PublishedRecordAsync(contentItemId, cancellationToken);
        if (published is null)
        {
            return;
        }

        var context = new PublishContentContext(ToItem(published), null);
        await InvokeAsync(h => h.UnpublishingAsync(context));
        published.Published = false;
        await db.SaveChangesAsync(cancellationToken);
        await InvokeAsync(h => h.UnpublishedAsync(context));
    }

    private async Task<ContentItemRecord> LoadLatestForWriteAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var id = item.ContentItemId;
        var latest = await Records.FirstOrDefaultAsync(r => r.ContentItemId == id && r.Latest, cancellationToken)
            ?? throw new ContentNotFoundException(item.ContentItemId);
        if (latest.ConcurrencyStamp != item.ConcurrencyStamp)
        {
            throw new ContentConcurrencyException(item.ContentItemId, latest.Author, latest.ModifiedUtc, latest.ConcurrencyStamp);
        }

        if (latest.Deleted)
        {
            throw new InvalidOperationException($"Content item {item.ContentItemId} is deleted; restore it before changing it.");
        }

        return latest;
    }

    private async Task ValidateAsync(ContentItem item, bool publishing)
    {
        item.FlushParts();
        var context = new ValidateContentContext(item, publishing);
        await InvokeAsync(h => h.ValidatingAsync(context));
        if (context.Errors.Count > 0)
        {
            throw new ContentValidationException(context.Errors);
        }

        context.WriteBack();
    }

    /// <summary>
    /// Saves what the write and its handlers staged since the last save. Handlers do not save (see
    /// <see cref="ContentHandler"/>): one SaveChanges per write instead of one per handler and event.
    /// </summary>
    private async Task SaveStagedAsync(CancellationToken cancellationToken)
    {
        if (db.HasStagedChanges)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Runs the write in a transaction and turns a lost race into <see cref="ContentConcurrencyException"/>.</summary>
    private async Task WriteAsync(ContentItem item, Func<Task> work, CancellationToken cancellationToken)
    {
        // Forgotten before (handlers of this write read it as it is now) and after (as it is then).
        _reads.Forget(item.ContentItemId);
        try
        {
            await db.InTransactionAsync(
                async () =>
                {
                    await work();
                    await SaveStagedAsync(cancellationToken);
                },
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex))
        {
            throw await LostRaceAsync(item.ContentItemId);
        }
        finally
        {
            _reads.Forget(item.ContentItemId);
        }
    }

    private async Task<ContentConcurrencyException> LostRaceAsync(string contentItemId)
    {
        db.DiscardStaged();
        var current = await Records.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId && r.Latest, CancellationToken.None);
        return new ContentConcurrencyException(contentItemId, current?.Author, current?.ModifiedUtc, current?.ConcurrencyStamp ?? "");
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private async Task InvokeAsync(Func<ContentHandler, Task> call)
    {
        foreach (var handler in Handlers)
        {
            await call(handler);
        }
    }

    private static IQueryable<ContentItemRecord> Select(IQueryable<ContentItemRecord> query, VersionOptions? options)
    {
        options ??= VersionOptions.Published;
        if (options.IsPublished)
        {
            return query.Where(r => r.Published && !r.Deleted);
        }

        query = query.Where(r => r.Latest);
        if (!options.IncludeDeleted)
        {
            query = query.Where(r => !r.Deleted);
        }

        return options.IsDraft ? query.Where(r => !r.Published) : query;
    }

    internal static ContentItem ToItem(ContentItemRecord record, SharedParts? parsed = null)
    {
        var item = new ContentItem();
        CopyMetadata(record, item);
        if (parsed is not null)
        {
            item.LoadContent(parsed);
        }
        else
        {
            item.LoadContent(record.Data);
        }

        item.DisplayText = record.DisplayText;
        item.Owner = record.Owner;
        item.CreatedUtc = record.CreatedUtc;
        item.ContentType = record.ContentType;
        return item;
    }

    private static void CopyMetadata(ContentItemRecord record, ContentItem item)
    {
        item.ContentItemId = record.ContentItemId;
        item.ContentItemVersionId = record.ContentItemVersionId;
        item.Number = record.Number;
        item.Latest = record.Latest;
        item.Published = record.Published;
        item.Deleted = record.Deleted;
        item.Author = record.Author;
        item.ModifiedUtc = record.ModifiedUtc;
        item.PublishedUtc = record.PublishedUtc;
        item.ConcurrencyStamp = record.ConcurrencyStamp;
    }
}
