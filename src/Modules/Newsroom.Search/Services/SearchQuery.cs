using System.Text.RegularExpressions;

namespace Newsroom.Search.Services;

/// <summary>
/// Turns what a reader typed into plain search terms: letters and digits only, so quotes, <c>%</c>,
/// <c>*</c>, <c>NEAR(</c>, <c>OR</c> and SQL fragments are never operators. Each engine then gets
/// the terms in a form it cannot misread (quoted FTS5 strings, <c>plainto_tsquery</c>).
/// </summary>
public static partial class SearchQuery
{
    public const int MaxInputLength = 256;
    public const int MaxTerms = 10;
    public const int MaxTermLength = 60;

    public static IReadOnlyList<string> Terms(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return [];
        }

        var text = input.Length > MaxInputLength ? input[..MaxInputLength] : input;
        return TermPattern().Matches(text)
            .Select(m => m.Value.Length > MaxTermLength ? m.Value[..MaxTermLength] : m.Value)
            .Select(t => t.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
    }

    /// <summary>FTS5: every term as a quoted string (no operators inside quotes), all required.</summary>
    public static string ToFts5(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => "\"" + t + "\""));

    /// <summary>PostgreSQL: the terms separated by spaces, for <c>plainto_tsquery</c> (all required).</summary>
    public static string ToPlainText(IReadOnlyList<string> terms) => string.Join(' ', terms);

    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}\p{Mc}]+")]
    private static partial Regex TermPattern();
}
