using Newsroom.Editorial.Pickers;

namespace Newsroom.Editorial.ViewModels;

/// <summary>
/// A field of a simple editor form (Byline, RelatedLink, AdvertisementSlot). Kind "article" is the
/// related-link target picker (<see cref="Picker"/>), which also posts the address field.
/// </summary>
public sealed record FieldSpec(string Name, string Label, string? Value, string Kind = "text", IReadOnlyList<(string Value, string Text)>? Options = null, string? Hint = null, ArticlePickerModel? Picker = null)
{
    /// <summary>Whether a model-state key belongs to this field (the picker posts two).</summary>
    public bool Owns(string key) => key == Name || key == Picker?.UrlName;
}

public sealed record SimpleListViewModel(string Title, string BasePath, IReadOnlyList<(string Id, string Text, bool Published)> Items, string? Message);

/// <param name="UsesPicker">The page loads the picker script.</param>
public sealed record SimpleEditViewModel(string Title, string Action, string ListPath, IReadOnlyList<FieldSpec> Fields, bool UsesPicker = false);
