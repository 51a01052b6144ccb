using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Newsroom.Search.Services;

/// <summary>Text with highlight marks → HTML: everything encoded except the <c>&lt;mark&gt;</c> elements.</summary>
public static class Highlighter
{
    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
        {
            return "";
        }

        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != SearchDocument.MarkOpen && marked[i] != SearchDocument.MarkClose)
            {
                continue;
            }

            html.Append(s_encoder.Encode(marked[start..i]));
            if (i < marked.Length)
            {
                if (marked[i] == SearchDocument.MarkOpen && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (marked[i] == SearchDocument.MarkClose && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }

            start = i + 1;
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }
}
