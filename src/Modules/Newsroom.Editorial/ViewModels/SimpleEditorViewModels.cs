namespace Newsroom.Editorial.ViewModels;

/// <summary>A field of a simple editor form (Byline, RelatedLink, AdvertisementSlot).</summary>
public sealed record FieldSpec(string Name, string Label, string? Value, string Kind = "text", IReadOnlyList<(string Value, string Text)>? Options = null, string? Hint = null);

public sealed record SimpleListViewModel(string Title, string BasePath, IReadOnlyList<(string Id, string Text, bool Published)> Items, string? Message);

public sealed record SimpleEditViewModel(string Title, string Action, string ListPath, IReadOnlyList<FieldSpec> Fields);
