using Newsroom.Articles.Models;
using Newsroom.Articles.ViewModels;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.Drivers;

/// <summary>The blocks every article body knows: paragraph, subheading, quote, image, embed.</summary>
internal sealed class CoreBlockDisplayDriver : IBodyBlockDisplayDriver
{
    public Task<Shape?> DisplayAsync(BodyBlock block, BodyDisplayContext context) => Task.FromResult<Shape?>(block switch
    {
        ParagraphBlock p when !string.IsNullOrWhiteSpace(p.Html) => new ParagraphBlockViewModel { Html = p.Html },
        SubheadingBlock s when !string.IsNullOrWhiteSpace(s.Text) => new SubheadingBlockViewModel { Text = s.Text },
        QuoteBlock q when !string.IsNullOrWhiteSpace(q.Text) => new QuoteBlockViewModel { Text = q.Text, Attribution = q.Attribution },
        ImageBlock i when !string.IsNullOrEmpty(i.Src) => new ImageBlockViewModel
        {
            Src = i.Src, Width = i.Width, Height = i.Height, Alt = i.Alt ?? "", Caption = i.Caption, Credit = i.Credit,
        },
        EmbedBlock e when IsHttps(e.Url) => new EmbedBlockViewModel { Src = e.Url, Title = e.Title ?? "Embedded content" },
        _ => null,
    });

    // Embeds load from other sites: only over https, never javascript: or data:.
    private static bool IsHttps(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
