namespace Newsroom.Editorial.Pickers;

/// <summary>
/// One related-link target field (<c>Views/Shared/_ArticlePicker.cshtml</c>): the picked article's id in a
/// hidden field, a search box the script turns into a combobox, and an address field that works without
/// script (an article's address or an external URL; site addresses resolve to the article on save).
/// </summary>
public sealed record ArticlePickerModel(string TargetName, string UrlName, string? TargetId, ArticleTarget? Target, string? Url, IReadOnlyList<string> Errors);
