using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Queries;
using Newsroom.Data;
using Newsroom.DisplayManagement.Layout;
using Newsroom.DisplayManagement.Services;
using Newsroom.DisplayManagement.Shapes;
using Newsroom.Editorial.Pickers;
using Newsroom.Editorial.Services;
using Newsroom.Editorial.ViewModels;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;

namespace Newsroom.Editorial.Controllers;

/// <summary>
/// The article editor: <c>/admin/articles/new</c>, <c>/admin/articles/{id}/edit</c>, the unsaved-state
/// preview, soft-lock heartbeat and take-over, and the JSON endpoints behind the pickers and the ad map.
/// Every action checks the user's rights on the stored item; every POST carries an antiforgery token.
/// </summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
[Route("admin/articles")]
public sealed class ArticleEditorController(
    IContentManager contents,
    IAuthorizationService authorization,
    IEditorActions actions,
    PrePublishChecks checks,
    EditLocks locks,
    IDocumentStore documents,
    ContentListService lists,
    ArticleTargets targets,
    IContentDisplayManager display,
    TimeProvider clock) : Controller
{
    private const string ArticleType = "Article";

    private const string LockReleasedKey = "EditLockReleased";

    /// <summary>Where "Save and close" goes: the content list.</summary>
    private const string ClosedPath = "/admin/content";

    private CancellationToken Cancel => HttpContext.RequestAborted;

    private string UserName => User.Identity?.Name ?? "";

    [HttpGet("new")]
    public async Task<IActionResult> New()
    {
        var item = await NewItemAsync();
        if (!await authorization.AuthorizeAsync(User, ContentAction.Edit, item))
        {
            return Forbid();
        }

        var form = ArticleFormMapper.ToForm(item);
        form.ContentItemId = null;
        form.Blocks = [new BlockForm { Type = "paragraph" }];
        form.Original = JsonSerializer.Serialize(ArticleFormMapper.Fields(form));
        return await EditorAsync(form, item, isNew: true);
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var item = await contents.GetAsync(id, VersionOptions.Latest, Cancel);
        if (item is null || item.ContentType != ArticleType)
        {
            return NotFound();
        }

        if (!await authorization.AuthorizeAsync(User, ContentAction.Edit, item))
        {
            return Forbid();
        }

        // Right after publishing (which released the lock) the page does not take it again: it is
        // taken when the editor starts typing (the script's first heartbeat).
        var released = TempData[LockReleasedKey] is true;
        var holder = released ? null : await locks.AcquireAsync(id, UserName, takeOver: false, Cancel);
        var form = ArticleFormMapper.ToForm(item);
        form.Original = JsonSerializer.Serialize(ArticleFormMapper.Fields(form));
        return await EditorAsync(form, item, isNew: false, holder: holder, message: TempData["Message"] as string, lockReleased: released);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm] ArticleForm form, [FromForm] string? command, [FromQuery] bool close = false)
    {
        var item = await NewItemAsync();
        if (!await authorization.AuthorizeAsync(User, ContentAction.Edit, item))
        {
            return Forbid();
        }

        form.ContentItemId = null;
        return await SaveAsync(form, item, isNew: true, command, close);
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Update(string id, [FromForm] ArticleForm form, [FromForm] string? command, [FromQuery] bool close = false)
    {
        var item = await contents.GetAsync(id, VersionOptions.Latest, Cancel);
        if (item is null || item.ContentType != ArticleType)
        {
            return NotFound();
        }

        if (!await authorization.AuthorizeAsync(User, ContentAction.Edit, item))
        {
            return Forbid();
        }

        form.ContentItemId = id;
        return await SaveAsync(form, item, isNew: false, command, close);
    }

    /// <summary>Renders the posted, unsaved editor state in the public theme. Nothing is written.</summary>
    [HttpPost("preview")]
    public async Task<IActionResult> Preview([FromForm] ArticleForm form)
    {
        ContentItem? item;
        if (string.IsNullOrEmpty(form.ContentItemId))
        {
            item = await NewItemAsync();
        }
        else
        {
            item = await contents.GetAsync(form.ContentItemId, VersionOptions.Latest, Cancel);
            if (item is null || item.ContentType != ArticleType)
            {
                return NotFound();
            }
        }

        if (!await authorization.AuthorizeAsync(User, ContentAction.Edit, item))
        {
            return Forbid();
        }

        ArticleFormMapper.Apply(form, item);
        var article = item.As<ArticlePart>();
        if (string.IsNullOrWhiteSpace(article.Slug))
        {
            article.Slug = SlugGenerator.Normalize(article.Headline);
        }

        // The page shows the dates it would show once published now.
        var now = clock.GetUtcNow().UtcDateTime;
        article.PublishedUtc ??= now;
        article.UpdatedUtc ??= article.PublishedUtc;
        item.PublishedUtc ??= now;
        item.Apply(article);
        item.FlushParts();

        var head = PageHead.For(HttpContext);
        head.Title = "Preview: " + article.Headline;
        head.Robots = "noindex, nofollow";
        head.BodyClass = "page-article page-preview";
        var shape = await display.BuildDisplayAsync(item, DisplayTypes.Detail);
        return View("~/Views/Article/Display.cshtml", new ArticlePageViewModel { Article = shape, Item = item, Path = Newsroom.Articles.Services.ArticleRoutes.PathFor(article) });
    }

    /// <summary>
    /// The editor page beats every <see cref="EditLocks.HeartbeatInterval"/> while it is open. It refreshes
    /// this user's lock (or takes a free or expired one) but never steals a live one: then it answers who
    /// holds it and what the page should say (<paramref name="holding"/>: the page held the lock until now,
    /// so it was taken over).
    /// </summary>
    [HttpPost("{id}/heartbeat")]
    public async Task<IActionResult> Heartbeat(string id, [FromForm] bool holding)
    {
        if (await EditableAsync(id) is not { } item)
        {
            return Forbid();
        }

        var holder = await locks.AcquireAsync(item.ContentItemId, UserName, takeOver: false, Cancel);
        if (holder is null)
        {
            return Json(new { held = true, user = UserName, since = (string?)null, notice = (string?)null });
        }

        var since = Local(holder.SinceUtc, await ZoneAsync());
        var notice = holding ? LockNotice.TookOver(holder.User, since) : LockNotice.EditingSince(holder.User, since);
        return Json(new { held = false, user = holder.User, since = (string?)since, notice = (string?)notice });
    }

    /// <summary>
    /// Moves the lock to this user (anyone who may edit the item may). The previous holder keeps their
    /// text; their next heartbeat tells them, and a stale save of theirs is refused with the changes shown.
    /// </summary>
    [HttpPost("{id}/takeover")]
    public async Task<IActionResult> TakeOver(string id)
    {
        if (await EditableAsync(id) is null)
        {
            return Forbid();
        }

        var previous = await locks.HeldByOtherAsync(id, UserName, Cancel);
        await locks.AcquireAsync(id, UserName, takeOver: true, Cancel);
        TempData["Message"] = previous is null ? "You are editing this article." : $"You took over editing from {previous.User}.";
        return LocalRedirect($"/admin/articles/{Uri.EscapeDataString(id)}/edit");
    }

    /// <summary>Where automatic ads go for a body made of these block kinds (comma-separated).</summary>
    [HttpGet("admap")]
    public async Task<IActionResult> AdMap([FromQuery] string? types)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ViewAdmin))
        {
            return Forbid();
        }

        var blocks = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => ArticleFormMapper.ToBlock(new BlockForm { Type = t, Text = "x", SlotId = "x", Url = "https://x" }) ?? new ParagraphBlock())
            .ToList();
        var settings = AdInsertionSettings.From(await documents.GetAsync<SiteSettings>(Cancel));
        return Json(new { after = AdInsertionPlanner.Plan(blocks, settings) });
    }

    /// <summary>Bylines whose name contains <paramref name="q"/>.</summary>
    [HttpGet("bylines")]
    public async Task<IActionResult> Bylines([FromQuery] string? q)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ViewAdmin))
        {
            return Forbid();
        }

        var page = await lists.ListAsync(new ContentListQuery { ContentTypes = ["Byline"], Text = string.IsNullOrWhiteSpace(q) ? null : q.Trim(), PageSize = 10, IncludeTotal = false }, Cancel);
        return Json(page.Items.Select(b => new { id = b.ContentItemId, name = b.DisplayText ?? b.ContentItemId }));
    }

    /// <summary>Creates a byline from the editor (name only) and returns it.</summary>
    [HttpPost("bylines")]
    public async Task<IActionResult> CreateByline([FromForm] string? name)
    {
        var byline = await contents.NewAsync("Byline", Cancel);
        byline.Owner = UserName;
        if (!await CanCreateBylineAsync(byline))
        {
            return Forbid();
        }

        byline.Alter<BylinePart>(p => p.Name = name?.Trim() ?? "");
        byline.DisplayText = name?.Trim();
        byline.FlushParts();
        try
        {
            await contents.CreateAsync(byline, VersionOptions.Published, Cancel);
        }
        catch (ContentValidationException e)
        {
            return BadRequest(new { errors = e.Errors.Select(x => $"{x.Field}: {x.Message}") });
        }

        return Json(new { id = byline.ContentItemId, name = byline.As<BylinePart>().Name });
    }

    /// <summary>
    /// Published articles whose headline contains <paramref name="q"/>, a page of <see cref="ArticleTargets.PageSize"/>
    /// at a time (related-link picker). Anyone who may use the admin may search: the results are public articles.
    /// </summary>
    [HttpGet("search")]
    public async Task<IActionResult> Search([FromQuery] string? q, [FromQuery] int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ViewAdmin))
        {
            return Forbid();
        }

        var found = await targets.SearchAsync(q, page, Cancel);
        return Json(found.Select(a => new { id = a.Id, headline = a.Headline, url = a.Path }));
    }

    private async Task<IActionResult> SaveAsync(ArticleForm form, ContentItem item, bool isNew, string? command, bool close)
    {
        command ??= EditorAction.Save;
        if (BlockCommand(form, command))
        {
            // Without script the block buttons post the form; nothing is saved, the form comes back changed.
            ModelState.Clear();
            return await EditorAsync(form, item, isNew);
        }

        var baseStamp = form.ConcurrencyStamp;
        var unknown = ArticleFormMapper.Apply(form, item);
        foreach (var index in unknown)
        {
            ModelState.AddModelError($"Blocks[{index}].Type", $"Block {index + 1}: '{form.Blocks[index].Type}' is not a kind of block.");
        }

        if (!isNew)
        {
            // The save is checked against the version the editor started from, not the one just loaded.
            item.ConcurrencyStamp = baseStamp ?? "";
        }

        var zone = await ZoneAsync();
        DateTime? publishAtUtc = null;
        if (command == EditorAction.Schedule)
        {
            if (!DateTime.TryParse(form.PublishAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                ModelState.AddModelError(nameof(ArticleForm.PublishAt), "Publish at: give a date and time.");
            }
            else
            {
                publishAtUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            }
        }

        IReadOnlyList<PrePublishCheck> found = [];
        if (EditorAction.Publishes(command))
        {
            found = await checks.RunAsync(item, Cancel);
            var errors = found.Where(c => c.Severity == CheckSeverity.Error).ToList();
            var warnings = found.Where(c => c.Severity == CheckSeverity.Warning).ToList();
            foreach (var error in errors)
            {
                ModelState.AddModelError("PrePublish", error.Message);
            }

            if (errors.Count == 0 && warnings.Count > 0 && !form.AcknowledgeWarnings)
            {
                ModelState.AddModelError("PrePublish", "Read the warnings and tick “Publish anyway” to publish: " + string.Join(" ", warnings.Select(w => w.Message)));
            }
        }

        if (!ModelState.IsValid)
        {
            return await EditorAsync(form, item, isNew, checkResults: found);
        }

        EditorActionResult result;
        try
        {
            result = await actions.ApplyAsync(item, isNew, command, new EditorActionInput(form.ChangeKind, form.ChangeNote, publishAtUtc), User, Cancel);
        }
        catch (ContentValidationException e)
        {
            foreach (var error in e.Errors)
            {
                var field = FormField(error.Field);
                ModelState.AddModelError(field, $"{Describe(field)}: {error.Message}");
            }

            return await EditorAsync(form, item, isNew, checkResults: found);
        }
        catch (ContentConcurrencyException e)
        {
            return await StaleAsync(form, item, e, zone);
        }

        if (result.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error ?? "The action failed.");
            return await EditorAsync(form, item, isNew, checkResults: found);
        }

        // Done with the article: publishing, scheduling or "Save and close" free it for colleagues at once
        // instead of after the lock's expiry.
        if (close || EditorAction.Publishes(command))
        {
            await locks.ReleaseAsync(item.ContentItemId, UserName, Cancel);
            TempData[LockReleasedKey] = true;
        }

        TempData["Message"] = command switch
        {
            EditorAction.Publish => "Published.",
            EditorAction.Schedule => $"Scheduled for {Local(publishAtUtc!.Value, zone)} ({zone.Id}).",
            EditorAction.Submit => "Submitted for review.",
            _ => "Draft saved.",
        };
        return LocalRedirect(close ? ClosedPath : $"/admin/articles/{Uri.EscapeDataString(item.ContentItemId)}/edit");
    }

    /// <summary>Refuses a stale save: who changed it, when, and field by field what changed since.</summary>
    private async Task<IActionResult> StaleAsync(ArticleForm form, ContentItem item, ContentConcurrencyException e, TimeZoneInfo zone)
    {
        var current = await contents.GetAsync(item.ContentItemId, VersionOptions.Latest, Cancel);
        var nowSaved = current is null ? new Dictionary<string, string>() : ArticleFormMapper.Fields(ArticleFormMapper.ToForm(current));
        Dictionary<string, string> started;
        try
        {
            started = string.IsNullOrEmpty(form.Original) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(form.Original) ?? [];
        }
        catch (JsonException)
        {
            started = [];
        }

        var yours = ArticleFormMapper.Fields(form);
        var changes = nowSaved.Keys.Union(started.Keys)
            .Where(k => nowSaved.GetValueOrDefault(k, "") != started.GetValueOrDefault(k, ""))
            .Select(k => new FieldChange(k, started.GetValueOrDefault(k, ""), nowSaved.GetValueOrDefault(k, ""), yours.GetValueOrDefault(k, "")))
            .ToList();
        var by = e.ModifiedBy ?? "Someone";
        var at = e.ModifiedUtc is { } when ? Local(when, zone) : "an unknown time";
        ModelState.AddModelError("", $"{by} changed this at {at} (site time). Your changes were not saved.");

        // The form keeps the editor's text; saving again now is a deliberate overwrite of what they saw above.
        form.ConcurrencyStamp = e.CurrentStamp;
        form.Original = JsonSerializer.Serialize(nowSaved);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return await EditorAsync(form, current ?? item, isNew: false, stale: new StaleSave(by, at, changes));
    }

    /// <summary>Add/move/remove buttons posted without script.</summary>
    private static bool BlockCommand(ArticleForm form, string command)
    {
        var parts = command.Split(':', 2);
        if (parts.Length != 2)
        {
            return false;
        }

        if (parts[0] == "add")
        {
            form.Blocks.Add(new BlockForm { Type = parts[1] });
            return true;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i < 0 || i >= form.Blocks.Count)
        {
            return false;
        }

        switch (parts[0])
        {
            case "up" when i > 0:
                (form.Blocks[i - 1], form.Blocks[i]) = (form.Blocks[i], form.Blocks[i - 1]);
                return true;
            case "down" when i < form.Blocks.Count - 1:
                (form.Blocks[i + 1], form.Blocks[i]) = (form.Blocks[i], form.Blocks[i + 1]);
                return true;
            case "remove":
                form.Blocks.RemoveAt(i);
                return true;
            default:
                return parts[0] is "up" or "down";
        }
    }

    private async Task<IActionResult> EditorAsync(
        ArticleForm form,
        ContentItem item,
        bool isNew,
        Models.EditLock? holder = null,
        string? message = null,
        IReadOnlyList<PrePublishCheck>? checkResults = null,
        StaleSave? stale = null,
        bool lockReleased = false)
    {
        var settings = await documents.GetAsync<SiteSettings>(Cancel);
        var zone = settings.FindTimeZone();

        // Pickers show names, not ids.
        var bylineItems = await contents.GetManyAsync(form.BylineIds.Where(x => !string.IsNullOrWhiteSpace(x)), VersionOptions.Latest, Cancel);
        var linked = await targets.FindAsync(form.Blocks.Select(b => b.TargetContentItemId), Cancel);
        var slots = await lists.ListAsync(new ContentListQuery { ContentTypes = ["AdvertisementSlot"], PageSize = 100, IncludeTotal = false }, Cancel);

        var preview = new ContentItem { ContentType = ArticleType };
        ArticleFormMapper.Apply(form, preview);
        var plan = AdInsertionPlanner.Plan(preview.As<BodyPart>().Blocks, AdInsertionSettings.From(settings));

        // Checks are shown before publishing: run them on what is on screen when the user may publish.
        var allowed = await actions.AllowedAsync(item, isNew, User);
        checkResults ??= allowed.Contains(EditorAction.Publish) ? await checks.RunAsync(preview, Cancel) : [];

        var published = !isNew && (item.Published || await contents.GetAsync(item.ContentItemId, VersionOptions.Published, Cancel) is not null);
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? SlugGenerator.Normalize(form.Headline) : SlugGenerator.Normalize(form.Slug);
        return View("~/Views/ArticleEditor/Edit.cshtml", new ArticleEditorViewModel
        {
            Form = form,
            IsPublished = published,
            Status = isNew ? "Unsaved" : published ? (item.Published ? "Published" : "Published, with unpublished changes") : "Draft",
            PublicUrl = slug.Length == 0 ? null : ArticleQueries.PathOf(Blank(form.Section), slug),
            Sections = settings.Sections,
            BylineNames = bylineItems.ToDictionary(b => b.ContentItemId, b => b.As<BylinePart>().Name is { Length: > 0 } n ? n : b.DisplayText ?? b.ContentItemId),
            ArticleTargets = linked,
            AdSlots = slots.Items.Select(s => (s.ContentItemId, s.DisplayText ?? s.ContentItemId)).ToList(),
            AdPlan = plan,
            Checks = checkResults,
            Lock = holder is null ? null : new LockInfo(holder.User, Local(holder.SinceUtc, zone)),
            LockReleased = lockReleased,
            HeartbeatSeconds = (int)EditLocks.HeartbeatInterval.TotalSeconds,
            Stale = stale,
            Message = message,
            TimeZoneName = zone.Id,
            Actions = allowed,
            CanUploadMedia = await authorization.AuthorizeAsync(User, StandardPermissions.UploadMedia),
            CanCreateByline = await CanCreateBylineAsync(new ContentItem { ContentType = "Byline", Owner = UserName }),
        });
    }

    private async Task<bool> CanCreateBylineAsync(ContentItem byline) =>
        await authorization.AuthorizeAsync(User, StandardPermissions.ManageBylines) || await authorization.AuthorizeAsync(User, ContentAction.Edit, byline);

    private async Task<ContentItem> NewItemAsync()
    {
        var item = await contents.NewAsync(ArticleType, Cancel);
        item.Owner = UserName;
        item.Author = UserName;
        return item;
    }

    private async Task<ContentItem?> EditableAsync(string id)
    {
        var item = await contents.GetAsync(id, VersionOptions.Latest, Cancel);
        return item is not null && item.ContentType == ArticleType && await authorization.AuthorizeAsync(User, ContentAction.Edit, item) ? item : null;
    }

    private async Task<TimeZoneInfo> ZoneAsync() => (await documents.GetAsync<SiteSettings>(Cancel)).FindTimeZone();

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A handler's field name (<c>ArticlePart.Headline</c>, <c>BodyPart.Blocks[2].Url</c>) as the form's field name.</summary>
    public static string FormField(string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var part = dot < 0 ? field : field[..dot];
        var rest = dot < 0 ? "" : field[(dot + 1)..];
        return part switch
        {
            "ArticlePart" when rest.StartsWith("Tags", StringComparison.Ordinal) => "Tags",
            "ArticlePart" => rest,
            "LeadImagePart" => "LeadImage." + rest,
            "BodyPart" => rest.StartsWith("Blocks", StringComparison.Ordinal) ? rest : "Blocks",
            "BylinesPart" => "BylineIds",
            _ => "",
        };
    }

    /// <summary>A form field as the editor labels it.</summary>
    public static string Describe(string field) => field switch
    {
        "" => "Article",
        "BylineIds" => "Bylines",
        "SeoTitle" => "SEO title",
        "SeoDescription" => "SEO description",
        _ when field.StartsWith("LeadImage.", StringComparison.Ordinal) => "Lead image " + field["LeadImage.".Length..].ToLowerInvariant(),
        _ when field.StartsWith("Blocks[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var end and > 7
            && int.TryParse(field[7..end], NumberStyles.None, CultureInfo.InvariantCulture, out var i) =>
            $"Block {i + 1}{(end + 1 < field.Length ? " " + field[(end + 2)..].ToLowerInvariant() : "")}",
        _ => field,
    };
}
