using Newsroom.Articles.Services;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

/// <summary>
/// The import skips the HTML parser for paragraphs it can prove clean (BodyHtml.IsCanonicalInline).
/// These tests hold that shortcut to the parser: whenever it says "clean", the sanitizer must return
/// the same text, and hostile or unusual markup must never take it.
/// </summary>
public sealed class BodyHtmlShortcutTests
{
    [Theory]
    [InlineData("Officials said <em>the minister</em> had resigned.")]
    [InlineData(" <strong>Bold</strong> and <b>b</b>, <i>i</i>, <code>x</code>, H<sub>2</sub>O, x<sup>2</sup> ")]
    [InlineData("Line<br>break and <em><strong>nested</strong></em>\ttab\nnewline")]
    [InlineData("<em></em>")]
    [InlineData("Unicode: café — “quotes” 東京 \U0001F600 <em>ok</em>")]
    public void Clean_inline_markup_takes_the_shortcut_and_matches_the_parser(string html)
    {
        BodyHtml.IsCanonicalInline(html).ShouldBeTrue();
        BodyHtml.SanitizeInline(html).ShouldBe(BodyHtml.SanitizeInlineWithParser(html));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>text")]
    [InlineData("<em onclick=\"x()\">a</em>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"https://example.com\">x</a>")]
    [InlineData("<EM>shout</EM>")]
    [InlineData("<em>unclosed")]
    [InlineData("stray</em>")]
    [InlineData("<b><i>misnested</b></i>")]
    [InlineData("<br/>")]
    [InlineData("<br />")]
    [InlineData("</br>")]
    [InlineData("a &amp; b <em>c</em>")]
    [InlineData("a > b <em>c</em>")]
    [InlineData("a < b")]
    [InlineData("<em>x</em>\u00A0y")]
    [InlineData("<em>x</em>\r\ny")]
    [InlineData("<em>x</em>\0y")]
    [InlineData("<em >x</em>")]
    [InlineData("<!-- c --><em>x</em>")]
    [InlineData("<img src=x onerror=alert(1)><em>x</em>")]
    [InlineData("<svg><em>x</em></svg>")]
    public void Anything_else_goes_through_the_parser(string html)
    {
        BodyHtml.IsCanonicalInline(html).ShouldBeFalse();
        BodyHtml.SanitizeInline(html).ShouldBe(BodyHtml.SanitizeInlineWithParser(html));
    }

    [Fact]
    public void Random_markup_the_shortcut_accepts_is_what_the_parser_returns()
    {
        // Mostly pieces the shortcut allows, so it is taken often, and now and then one it must refuse.
        string[] allowed =
        [
            "a", "Z", " ", "  ", "\n", "\t", ".", "é", "<br>",
            "<em>", "</em>", "<strong>", "</strong>", "<b>", "</b>", "<i>", "</i>", "<code>", "</code>",
            "<sub>", "</sub>", "<sup>", "</sup>",
        ];
        string[] refused =
        [
            "\u00A0", "&", "&amp;", "<", ">", "\r", "\0", "\u0001", "<br/>", "</br>", "<EM>", "<em x>", "<a href=\"/x\">", "</a>",
            "<script>", "</script>", "<p>", "</p>", "<u>", "</u>", "<!--", "-->",
        ];
        var random = new Random(20261127);
        var accepted = 0;
        for (var n = 0; n < 5000; n++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => random.Next(20) == 0 ? refused[random.Next(refused.Length)] : allowed[random.Next(allowed.Length)]));
            if (BodyHtml.IsCanonicalInline(html))
            {
                accepted++;
                html.Trim().ShouldBe(BodyHtml.SanitizeInlineWithParser(html), $"input: {html}");
            }
        }

        // The generator must actually exercise the shortcut.
        accepted.ShouldBeGreaterThan(50);
    }
}
