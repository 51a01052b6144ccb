namespace Newsroom.ContentManagement.Fields;

public sealed class TextField : ContentField
{
    public string? Text { get; set; }
}

public sealed class HtmlField : ContentField
{
    /// <summary>Sanitized on save by the handler of the part that declares it.</summary>
    public string? Html { get; set; }
}

public sealed class NumericField : ContentField
{
    public decimal? Value { get; set; }
}

public sealed class BooleanField : ContentField
{
    public bool Value { get; set; }
}

public sealed class DateTimeField : ContentField
{
    public DateTime? Value { get; set; }
}

public sealed class LinkField : ContentField
{
    public string? Url { get; set; }

    public string? Text { get; set; }
}

public sealed class ContentPickerField : ContentField
{
    public IList<string> ContentItemIds { get; set; } = [];
}
