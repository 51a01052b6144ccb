using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Advertising.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Queries;
using Newsroom.Editorial.Pickers;
using Newsroom.Editorial.ViewModels;
using Newsroom.RelatedLinks.Models;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;

namespace Newsroom.Editorial.Controllers;

/// <summary>
/// List + create/edit for the small editorial types. Each type says which permission guards it, how
/// its part maps to form fields and back; validation errors from the content handlers are shown next
/// to the field they name.
/// </summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class SimpleEditorsController(IContentManager contents, ContentListService lists, IAuthorizationService authorization, ArticleTargets targets) : Controller
{
    private sealed record TypeEditor(
        string ContentType,
        string Title,
        string Path,
        Func<ClaimsUser, Task<bool>> Allowed,
        Func<ContentItem, IReadOnlyList<FieldSpec>> Fields,
        Action<IFormCollection, ContentItem> Apply,
        string Part);

    private sealed record ClaimsUser(SimpleEditorsController Controller, ContentItem Item);

    private TypeEditor Bylines => new(
        "Byline",
        "Bylines",
        "/admin/bylines",
        async u => await authorization.AuthorizeAsync(User, StandardPermissions.ManageBylines),
        item =>
        {
            var p = item.As<BylinePart>();
            return
            [
                new("Name", "Name", p.Name),
                new("Slug", "Slug", p.Slug, Hint: "Author page address /author/{slug}; empty to make one from the name."),
                new("Role", "Role", p.Role),
                new("Bio", "Bio", p.Bio, "textarea"),
                new("PhotoSrc", "Photo", p.PhotoSrc, Hint: "/media/... or an https URL"),
                new("UserName", "User account", p.UserName),
            ];
        },
        (form, item) =>
        {
            var p = item.As<BylinePart>();
            p.Name = Text(form, "Name") ?? "";
            p.Slug = Text(form, "Slug") ?? "";
            p.Role = Text(form, "Role");
            p.Bio = Text(form, "Bio");
            p.PhotoSrc = Text(form, "PhotoSrc");
            p.UserName = Text(form, "UserName");
            item.Apply(p);
            item.DisplayText = p.Name;
        },
        nameof(BylinePart));

    private TypeEditor RelatedLinks => new(
        "RelatedLink",
        "Related links",
        "/admin/related-links",
        async u => await authorization.AuthorizeAsync(User, ContentAction.Edit, u.Item),
        item =>
        {
            var p = item.As<RelatedLinkPart>();
            return
            [
                new("Headline", "Headline", p.Headline),
                new("Label", "Label", p.Label),
                new("TargetContentItemId", "Links to", p.TargetContentItemId, "article", Hint: "Find a published article, or paste an article's address or an external URL.",
                    Picker: new ArticlePickerModel("TargetContentItemId", "Url", p.TargetContentItemId, null, p.Url, [])),
            ];
        },
        (form, item) =>
        {
            var p = item.As<RelatedLinkPart>();
            p.Headline = Text(form, "Headline");
            p.Label = Text(form, "Label") ?? RelatedLinkBlock.DefaultLabel;
            // A typed address wins over the picked article (without script it is the only way to change it).
            p.Url = Text(form, "Url");
            p.TargetContentItemId = p.Url is null ? Text(form, "TargetContentItemId") : null;
            item.Apply(p);
            item.DisplayText = p.Headline ?? p.Url ?? p.TargetContentItemId;
        },
        nameof(RelatedLinkPart));

    private TypeEditor AdSlots => new(
        "AdvertisementSlot",
        "Ad slots",
        "/admin/ad-slots",
        async u => await authorization.AuthorizeAsync(User, StandardPermissions.ManageAdSlots),
        item =>
        {
            var p = item.As<AdvertisementSlotPart>();
            return
            [
                new("Name", "Name", p.Name),
                new("Sizes", "Sizes", string.Join(", ", p.Sizes), Hint: "Comma-separated, e.g. 300x250, 728x90"),
                new("Placement", "Placement", p.Placement.ToString(), "select", Enum.GetNames<AdPlacement>().Select(n => (n, n)).ToList()),
                new("ProviderMarkup", "Provider markup", p.ProviderMarkup, "textarea", Hint: "Runs only inside a sandboxed frame."),
                new("HouseAd.ImageSrc", "House ad image", p.HouseAd?.ImageSrc),
                new("HouseAd.Width", "House ad width", p.HouseAd?.Width.ToString(CultureInfo.InvariantCulture)),
                new("HouseAd.Height", "House ad height", p.HouseAd?.Height.ToString(CultureInfo.InvariantCulture)),
                new("HouseAd.LinkUrl", "House ad link", p.HouseAd?.LinkUrl),
                new("Sections", "Sections", string.Join(", ", p.Sections), Hint: "Section slugs, comma-separated; empty for all."),
            ];
        },
        (form, item) =>
        {
            var p = item.As<AdvertisementSlotPart>();
            p.Name = Text(form, "Name") ?? "";
            p.Sizes = List(form, "Sizes");
            p.Placement = Enum.TryParse<AdPlacement>(Text(form, "Placement"), out var placement) ? placement : AdPlacement.InArticle;
            p.ProviderMarkup = Text(form, "ProviderMarkup");
            p.HouseAd = Text(form, "HouseAd.ImageSrc") is { } src
                ? new HouseAd { ImageSrc = src, Width = Int(form, "HouseAd.Width"), Height = Int(form, "HouseAd.Height"), LinkUrl = Text(form, "HouseAd.LinkUrl") ?? "" }
                : null;
            p.Sections = List(form, "Sections");
            item.Apply(p);
            item.DisplayText = p.Name;
        },
        nameof(AdvertisementSlotPart));

    [HttpGet("admin/bylines")]
    public Task<IActionResult> BylineList() => ListAsync(Bylines);

    [HttpGet("admin/bylines/new")]
    [HttpGet("admin/bylines/{id}/edit")]
    public Task<IActionResult> BylineEdit(string? id) => EditAsync(Bylines, id);

    [HttpPost("admin/bylines/new")]
    [HttpPost("admin/bylines/{id}/edit")]
    public Task<IActionResult> BylineSave(string? id) => SaveAsync(Bylines, id);

    [HttpGet("admin/related-links")]
    public Task<IActionResult> RelatedLinkList() => ListAsync(RelatedLinks);

    [HttpGet("admin/related-links/new")]
    [HttpGet("admin/related-links/{id}/edit")]
    public Task<IActionResult> RelatedLinkEdit(string? id) => EditAsync(RelatedLinks, id);

    [HttpPost("admin/related-links/new")]
    [HttpPost("admin/related-links/{id}/edit")]
    public Task<IActionResult> RelatedLinkSave(string? id) => SaveAsync(RelatedLinks, id);

    [HttpGet("admin/ad-slots")]
    public Task<IActionResult> AdSlotList() => ListAsync(AdSlots);

    [HttpGet("admin/ad-slots/new")]
    [HttpGet("admin/ad-slots/{id}/edit")]
    public Task<IActionResult> AdSlotEdit(string? id) => EditAsync(AdSlots, id);

    [HttpPost("admin/ad-slots/new")]
    [HttpPost("admin/ad-slots/{id}/edit")]
    public Task<IActionResult> AdSlotSave(string? id) => SaveAsync(AdSlots, id);

    private async Task<IActionResult> ListAsync(TypeEditor editor)
    {
        var probe = await NewAsync(editor);
        if (!await editor.Allowed(new ClaimsUser(this, probe)))
        {
            return Forbid();
        }

        var page = await lists.ListAsync(new ContentListQuery { ContentTypes = [editor.ContentType], PageSize = 200, IncludeTotal = false }, HttpContext.RequestAborted);
        return View("~/Views/EditorialAdmin/List.cshtml", new SimpleListViewModel(
            editor.Title,
            editor.Path,
            page.Items.Select(i => (i.ContentItemId, i.DisplayText ?? i.ContentItemId, i.Published)).ToList(),
            TempData["Message"] as string));
    }

    private async Task<IActionResult> EditAsync(TypeEditor editor, string? id)
    {
        var item = id is null ? await NewAsync(editor) : await contents.GetAsync(id, VersionOptions.Latest, HttpContext.RequestAborted);
        if (item is null || item.ContentType != editor.ContentType)
        {
            return NotFound();
        }

        if (!await editor.Allowed(new ClaimsUser(this, item)))
        {
            return Forbid();
        }

        return View("~/Views/EditorialAdmin/Edit.cshtml", await ModelAsync(editor, item, id));
    }

    private async Task<IActionResult> SaveAsync(TypeEditor editor, string? id)
    {
        var item = id is null ? await NewAsync(editor) : await contents.GetAsync(id, VersionOptions.Latest, HttpContext.RequestAborted);
        if (item is null || item.ContentType != editor.ContentType)
        {
            return NotFound();
        }

        if (!await editor.Allowed(new ClaimsUser(this, item)))
        {
            return Forbid();
        }

        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        editor.Apply(form, item);
        item.FlushParts();
        try
        {
            // These types are not drafted: a save is live (bylines and slots are referenced by articles).
            await (id is null ? contents.CreateAsync(item, VersionOptions.Published, HttpContext.RequestAborted) : contents.PublishAsync(item, HttpContext.RequestAborted));
        }
        catch (ContentValidationException e)
        {
            foreach (var error in e.Errors)
            {
                var field = error.Field.StartsWith(editor.Part + ".", StringComparison.Ordinal) ? error.Field[(editor.Part.Length + 1)..] : "";
                var bracket = field.IndexOf('[', StringComparison.Ordinal);
                var key = bracket > 0 ? field[..bracket] : field;
                var label = editor.Fields(item).FirstOrDefault(f => f.Owns(key))?.Label ?? editor.ContentType;
                ModelState.AddModelError(key, $"{label}: {error.Message}");
            }

            return View("~/Views/EditorialAdmin/Edit.cshtml", await ModelAsync(editor, item, id));
        }
        catch (ContentConcurrencyException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("~/Views/EditorialAdmin/Edit.cshtml", await ModelAsync(editor, item, id));
        }

        TempData["Message"] = "Saved.";
        return LocalRedirect(editor.Path);
    }

    private async Task<SimpleEditViewModel> ModelAsync(TypeEditor editor, ContentItem item, string? id)
    {
        var fields = editor.Fields(item);

        // Pickers show the picked article's headline and address, and the errors of both their fields.
        var picked = await targets.FindAsync(fields.Select(f => f.Picker?.TargetId), HttpContext.RequestAborted);
        fields = fields.Select(f => f.Picker is not { } picker ? f : f with
        {
            Picker = picker with
            {
                Target = picker.TargetId is { } target ? picked.GetValueOrDefault(target) : null,
                Errors = ModelState.Where(e => f.Owns(e.Key)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList(),
            },
        }).ToList();
        return new(
            (id is null ? "New " : "Edit ") + editor.ContentType,
            id is null ? editor.Path + "/new" : $"{editor.Path}/{Uri.EscapeDataString(id)}/edit",
            editor.Path,
            fields,
            fields.Any(f => f.Picker is not null));
    }

    private async Task<ContentItem> NewAsync(TypeEditor editor)
    {
        var item = await contents.NewAsync(editor.ContentType, HttpContext.RequestAborted);
        item.Owner = User.Identity?.Name;
        return item;
    }

    private static string? Text(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static int Int(IFormCollection form, string name) => int.TryParse(form[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static List<string> List(IFormCollection form, string name) =>
        (Text(form, name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
