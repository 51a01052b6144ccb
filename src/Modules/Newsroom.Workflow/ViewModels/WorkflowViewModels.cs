using Newsroom.DisplayManagement.Shapes;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Models;
using Newsroom.Workflow.Services;

namespace Newsroom.Workflow.ViewModels;

public sealed class UpdatesAndCorrectionsViewModel : Shape
{
    public IReadOnlyList<UpdateLogEntry> Entries { get; init; } = [];
}

public sealed record WorkflowListViewModel(string Title, IReadOnlyList<WorkflowIndex> Items, TimeZoneInfo TimeZone, bool CanPublish, string? Message);

public sealed record ProblemViewModel(string Title, IReadOnlyList<string> Messages, string BackUrl);

public sealed record AuditFilter(string? User, string? Action, string? Item, DateOnly? From, DateOnly? To, int Page)
{
    public string Url(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("user", User);
        Add("action", Action);
        Add("item", Item);
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (page > 1)
        {
            query.Add($"page={page}");
        }

        return "/admin/audit" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }
}

public sealed record AuditViewModel(AuditFilter Filter, IReadOnlyList<AuditEntry> Entries, int Total, int TotalPages, IReadOnlyList<string> Actions, TimeZoneInfo TimeZone);

public sealed record RevisionRow(int Number, string VersionId, string? Author, DateTime? ModifiedUtc, ChangeKind? ChangeKind, bool Published, bool WasPublished, bool Latest);

public sealed record RevisionsViewModel(
    string ContentItemId,
    string? Title,
    IReadOnlyList<RevisionRow> Versions,
    int? From,
    int? To,
    IReadOnlyList<DiffLine> Diff,
    TimeZoneInfo TimeZone,
    string? Message);

public sealed record PreviewLinksViewModel(string ContentItemId, string? Title, IReadOnlyList<PreviewLink> Links, string? NewUrl, DateTime NowUtc, TimeZoneInfo TimeZone);

public sealed record CorrectionRow(string Headline, string? Url, string Note, DateTime AtUtc);

public sealed record CorrectionsViewModel(IReadOnlyList<CorrectionRow> Items, int Page, bool HasNext);
