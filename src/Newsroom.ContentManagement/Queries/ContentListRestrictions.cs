namespace Newsroom.ContentManagement.Queries;

/// <summary>Ready-made <see cref="ContentListRestriction"/>s.</summary>
public static class ContentListRestrictions
{
    /// <summary>
    /// The items among <paramref name="contentItemIds"/>, for a set that holds a large share of all items
    /// (a section holds a fifth of the articles). A plain <c>IN (SELECT ...)</c> has SQLite look up every
    /// member through UX_ContentItems_Latest (unique, so it always wins), read each member's table row
    /// (with its JSON) and sort them all: 200–300 ms for 20,000 of 100,000. Appending <c>''</c> leaves the
    /// ids as they are but keeps SQLite from looking them up, so it reads the list index in list order and
    /// checks each entry's <c>ContentItemId</c> (which the list indexes hold) against the set: a page stops
    /// after its rows, a count reads the index alone. A small set (a byline, "in review") is better served
    /// by the plain <c>IN</c>: a few lookups, then no scan.
    /// </summary>
    public static ContentListRestriction InLargeSet(IQueryable<string> contentItemIds) =>
        rows => rows.Where(r => contentItemIds.Contains(r.ContentItemId + ""));
}
