using Microsoft.AspNetCore.Razor.TagHelpers;
using Newsroom.DisplayManagement.Dates;

namespace Newsroom.DisplayManagement.TagHelpers;

/// <summary>
/// <c>&lt;news-time utc="@item.PublishedUtc" format="date" /&gt;</c> renders
/// <c>&lt;time datetime="2020-10-03T13:01:00+05:30"&gt;October 3rd, 2020 at 13:01 IST&lt;/time&gt;</c>
/// in the site's time zone. <c>format</c> is <c>datetime</c> (default) or <c>date</c>.
/// </summary>
[HtmlTargetElement("news-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NewsTimeTagHelper(SiteDates dates) : TagHelper
{
    public DateTime? Utc { get; set; }

    public string Format { get; set; } = "datetime";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (Utc is not { } utc)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", await dates.Iso8601Async(utc));
        output.Content.SetContent(Format == "date" ? await dates.DateOnlyAsync(utc) : await dates.DateAndTimeAsync(utc));
    }
}
