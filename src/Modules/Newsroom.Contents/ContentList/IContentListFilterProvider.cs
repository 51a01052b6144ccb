using Newsroom.ContentManagement.Queries;

namespace Newsroom.Contents.ContentList;

/// <summary>
/// Lets a module add filters to the admin content list (<c>/admin/content</c>) and to the dashboard
/// lists, from its own index table, without Contents knowing the module. Register it scoped:
/// <c>services.AddScoped&lt;IContentListFilterProvider, SectionContentListFilter&gt;()</c>.
/// </summary>
/// <remarks>
/// A provider does two things:
/// <list type="number">
/// <item><see cref="GetControlsAsync"/> describes its form controls; each is a plain GET parameter, so a
/// filtered list can be bookmarked and the pager keeps it. A control named like another one (e.g.
/// <c>status</c>) adds its options to that control instead of making a second one.</item>
/// <item><see cref="GetRestriction"/> turns the request's values into a condition on the version rows,
/// usually a subquery against the module's index, or returns null when none of its values is set.</item>
/// </list>
/// A value that is not among a select's options matches no item (the list says so) rather than
/// being ignored: a stale bookmark must not silently show everything. Sample (the Articles module):
/// <code>
/// public sealed class SectionContentListFilter(IDocumentStore documents, NewsroomDbContext db) : IContentListFilterProvider
/// {
///     public async Task&lt;IReadOnlyList&lt;ContentListFilterControl&gt;&gt; GetControlsAsync(CancellationToken cancellationToken) =>
///         [new("section", "Section", (await documents.GetAsync&lt;SiteSettings&gt;(cancellationToken)).Sections.Select(s => new ContentListFilterOption(s.Slug, s.Name)).ToList(), "All sections")];
///
///     public ContentListRestriction? GetRestriction(IReadOnlyDictionary&lt;string, string&gt; values) =>
///         values.TryGetValue("section", out var slug)
///             ? rows => rows.Where(r => db.Set&lt;ArticleIndex&gt;().Where(a => a.Section == slug).Select(a => a.ContentItemId).Contains(r.ContentItemId))
///             : null;
/// }
/// </code>
/// </remarks>
public interface IContentListFilterProvider
{
    /// <summary>The controls this provider adds to the filter form (cheap: called once per list request).</summary>
    Task<IReadOnlyList<ContentListFilterControl>> GetControlsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The condition for <paramref name="values"/> (non-empty, trimmed values of every known control,
    /// keys ignore case), or null when this provider has nothing to restrict.
    /// </summary>
    ContentListRestriction? GetRestriction(IReadOnlyDictionary<string, string> values);
}

/// <summary>A filter control: a select of <see cref="Options"/>, or a text box when there are none.</summary>
public sealed record ContentListFilterControl(string Name, string Label, IReadOnlyList<ContentListFilterOption> Options, string AnyLabel = "Any");

public sealed record ContentListFilterOption(string Value, string Label);
