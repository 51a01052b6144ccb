using Microsoft.AspNetCore.Http;
using Newsroom.ContentManagement.Queries;
using Newsroom.Contents.ViewModels;

namespace Newsroom.Contents.ContentList;

/// <summary>
/// Turns a <see cref="ContentListFilter"/> (the list's query string, or a dashboard list's definition)
/// into a <see cref="ContentListQuery"/>, with the restrictions and controls of every
/// <see cref="IContentListFilterProvider"/>. The list page and the dashboard both go through here, so a
/// dashboard count and the list its link opens are the same query.
/// </summary>
public sealed class ContentListFilters(IEnumerable<IContentListFilterProvider> providers, IEnumerable<IContentListBadgeProvider> badgeProviders)
{
    public const string StatusName = "status";

    private static readonly ContentListFilterControl s_status = new(
        StatusName,
        "Status",
        [new("draft", "Draft"), new("published", "Published"), new("deleted", "Deleted")]);

    /// <summary>Never true: a filter value that names nothing (a section that does not exist) lists nothing.</summary>
    private static readonly ContentListRestriction s_nothing = rows => rows.Where(r => r.Id < 0);

    private IReadOnlyList<ContentListFilterControl>? _controls;

    /// <summary>The status control first, then the providers' controls; controls of one name are merged.</summary>
    public async Task<IReadOnlyList<ContentListFilterControl>> GetControlsAsync(CancellationToken cancellationToken)
    {
        if (_controls is not null)
        {
            return _controls;
        }

        var merged = new List<ContentListFilterControl> { s_status };
        foreach (var provider in providers)
        {
            foreach (var control in await provider.GetControlsAsync(cancellationToken))
            {
                var index = merged.FindIndex(c => string.Equals(c.Name, control.Name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    merged.Add(control);
                }
                else
                {
                    merged[index] = merged[index] with { Options = [.. merged[index].Options, .. control.Options] };
                }
            }
        }

        return _controls = merged;
    }

    /// <summary>Copies the values of the providers' controls from the query string into <see cref="ContentListFilter.Extra"/>.</summary>
    public async Task ReadExtraAsync(ContentListFilter filter, IQueryCollection query, CancellationToken cancellationToken)
    {
        foreach (var control in await GetControlsAsync(cancellationToken))
        {
            if (control.Name != StatusName && query[control.Name].ToString().Trim() is { Length: > 0 } value)
            {
                filter.Extra[control.Name] = value;
            }
        }
    }

    /// <summary>The query for <paramref name="filter"/>; dates are days in <paramref name="zone"/>.</summary>
    public async Task<ContentListQuery> QueryAsync(ContentListFilter filter, TimeZoneInfo zone, int pageSize, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(filter.Extra, StringComparer.OrdinalIgnoreCase);
        if (filter.Status?.Trim() is { Length: > 0 } status)
        {
            values[StatusName] = status;
        }

        var restrictions = new List<ContentListRestriction>();
        foreach (var control in await GetControlsAsync(cancellationToken))
        {
            if (control.Options.Count == 0 || !values.TryGetValue(control.Name, out var value))
            {
                continue;
            }

            // Providers compare exactly: hand them the option's own spelling ("Politics" -> "politics").
            if (control.Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase)) is { } option)
            {
                values[control.Name] = option.Value;
            }
            else
            {
                restrictions.Add(s_nothing);
            }
        }

        foreach (var provider in providers)
        {
            if (provider.GetRestriction(values) is { } restriction)
            {
                restrictions.Add(restriction);
            }
        }

        return new ContentListQuery
        {
            ContentTypes = string.IsNullOrEmpty(filter.Type) ? null : [filter.Type],
            Status = filter.ParsedStatus,
            Owner = string.IsNullOrWhiteSpace(filter.Owner) ? null : filter.Owner.Trim(),
            ModifiedFromUtc = filter.From is { } from ? StartOfDayUtc(from, zone) : null,
            ModifiedToUtc = filter.To is { } to ? StartOfDayUtc(to.AddDays(1), zone) : null,
            Text = filter.Q,
            Sort = filter.ParsedSort,
            Page = Math.Max(filter.Page, 1),
            PageSize = pageSize,
            Restrictions = restrictions,
        };
    }

    /// <summary>Every provider's badges for the items on one page, by item id.</summary>
    public async Task<ILookup<string, ContentListBadge>> GetBadgesAsync(IReadOnlyList<ContentSummary> items, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var badges = new List<ContentListBadge>();
        if (items.Count > 0)
        {
            var ids = items.Select(i => i.ContentItemId).ToList();
            foreach (var provider in badgeProviders)
            {
                badges.AddRange(await provider.GetBadgesAsync(ids, zone, cancellationToken));
            }
        }

        return badges.ToLookup(b => b.ContentItemId, StringComparer.Ordinal);
    }

    private static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
