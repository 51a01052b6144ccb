using Newsroom.Data;
using Newsroom.Editorial.Pickers;
using Newsroom.Editorial.Services;

namespace Newsroom.Editorial.ViewModels;

/// <summary>Everything the editor page shows besides the form values themselves.</summary>
public sealed class ArticleEditorViewModel
{
    public required ArticleForm Form { get; init; }

    public bool IsNew => string.IsNullOrEmpty(Form.ContentItemId);

    /// <summary>The item has a published version (the change-kind select is shown).</summary>
    public bool IsPublished { get; init; }

    public string Status { get; init; } = "New";

    /// <summary>Where the article lives (or will live) on the public site.</summary>
    public string? PublicUrl { get; init; }

    public IReadOnlyList<SectionSettings> Sections { get; init; } = [];

    public IReadOnlyDictionary<string, string> BylineNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The published targets of the body's related links, by id.</summary>
    public IReadOnlyDictionary<string, ArticleTarget> ArticleTargets { get; init; } = new Dictionary<string, ArticleTarget>();

    public IReadOnlyList<(string Id, string Name)> AdSlots { get; init; } = [];

    /// <summary>Indexes of the blocks after which an automatic ad will go.</summary>
    public IReadOnlyList<int> AdPlan { get; init; } = [];

    public IReadOnlyList<PrePublishCheck> Checks { get; init; } = [];

    /// <summary>Someone else holds the soft lock (the page shows who and since when, and offers to take over).</summary>
    public LockInfo? Lock { get; init; }

    /// <summary>The editor just published or closed it: the lock is taken again only when they start typing.</summary>
    public bool LockReleased { get; init; }

    public int HeartbeatSeconds { get; init; } = 30;

    public StaleSave? Stale { get; init; }

    public string? Message { get; init; }

    public string TimeZoneName { get; init; } = "UTC";

    /// <summary>The workflow actions this user may take on this item (button names).</summary>
    public IReadOnlySet<string> Actions { get; init; } = new HashSet<string>();

    public bool CanUploadMedia { get; init; }

    public bool CanCreateByline { get; init; }

    public IEnumerable<string> ErrorsFor(string field) =>
        Checks.Where(c => c.Field == field && c.Severity == CheckSeverity.Error).Select(c => c.Message);
}

/// <summary>Someone else holds the soft lock.</summary>
public sealed record LockInfo(string User, string SinceLocal);

/// <summary>A refused stale save: who saved in between, when, and what they changed.</summary>
public sealed record StaleSave(string By, string AtLocal, IReadOnlyList<FieldChange> Changes);

/// <summary>One field: as the editor started, as it is saved now, and as the editor posted it.</summary>
public sealed record FieldChange(string Field, string WhenYouStarted, string NowSaved, string Yours);
