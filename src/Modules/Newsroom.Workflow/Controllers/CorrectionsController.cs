using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Services;
using Newsroom.Data;
using Newsroom.DisplayManagement.Layout;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Services;
using Newsroom.Workflow.ViewModels;

namespace Newsroom.Workflow.Controllers;

/// <summary><c>/corrections</c>: corrections to published articles, newest first.</summary>
public sealed class CorrectionsController(NewsroomDbContext db, ArticleQueries queries) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/corrections")]
    public async Task<IActionResult> Index([FromQuery] int page = 1)
    {
        var cancel = HttpContext.RequestAborted;
        page = Math.Max(1, page);
        var kind = nameof(ChangeKind.Correction);
        var rows = await db.Set<UpdateLogIndex>().AsNoTracking()
            .Where(u => u.Kind == kind)
            .OrderByDescending(u => u.AtUtc).ThenByDescending(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancel);
        var paths = await queries.PathsAsync(rows.Select(r => r.ContentItemId).Distinct(), cancel);
        var head = PageHead.For(HttpContext);
        head.Title = "Corrections";
        head.Canonical = page == 1 ? "/corrections" : $"/corrections?page={page}";
        head.BodyClass = "page-corrections";
        return View(new CorrectionsViewModel(
            rows.Take(PageSize).Select(r => new CorrectionRow(r.Headline, paths.GetValueOrDefault(r.ContentItemId), r.Note, r.AtUtc)).ToList(),
            page,
            rows.Count > PageSize));
    }
}
