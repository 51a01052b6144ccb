using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Newsroom.Web.Tests;

/// <summary>The seed article, set up by the newsroom recipe, renders like the real page it reproduces.</summary>
[Collection(SeedSiteCollection.Name)]
public sealed class SeedArticleTests(SeedSiteFixture fixture)
{
    // The layout of ../shared/seed, top to bottom (the same list as ../shared/tools/seed_fidelity.py).
    private static readonly (string Name, string Pattern)[] s_elements =
    [
        ("updated stamp", @"Updated\s+October 3rd,\s*2020\s+at\s+13:01\s+IST"),
        ("headline", @"Nagorno-Karabakh conflict: Putin, Armenian PM discuss worsening situation"),
        ("dek", @"held a third phone call in six days amid the worsening situation"),
        ("byline", @"Reported by:?\s*Kunal Gaurav"),
        ("image credit", @"Image\s*:\s*self"),
        ("first advertisement", @"Advertisement"),
        ("lede", @"Russian President Vladimir Putin and Armenian Prime Minister"),
        ("first related link", @"Read:?\s*Nagorno-Karabakh Conflict: Armenia Ready For Ceasefire Talks"),
        ("second related link", @"Read:?\s*Armenia-Azerbaijan Conflict: Turkish President Opposes"),
        ("subheading", @"Decades-old stand-off"),
        ("third related link", @"Read:?\s*India Calls For Immediate Ceasefire"),
        ("fourth related link", @"Read:?\s*Armenia-Azerbaijan Conflict: Putin, Macron Call"),
        ("second advertisement", @"Advertisement"),
        ("published stamp", @"Published\s+October 3rd,\s*2020\s+at\s+13:01\s+IST"),
    ];

    [Fact]
    public async Task Every_element_of_the_seed_is_present_in_the_seeds_order()
    {
        var text = PageText.Of(await fixture.Client.GetStringAsync(SeedSiteFixture.SeedPath));

        var position = 0;
        foreach (var (name, pattern) in s_elements)
        {
            var match = new Regex(pattern, RegexOptions.IgnoreCase).Match(text, position);
            match.Success.ShouldBeTrue($"'{name}' is missing after character {position} of:\n{text}");
            position = match.Index + match.Length;
        }
    }

    [Fact]
    public async Task The_visible_text_reproduces_the_seeds_body_word_for_word()
    {
        var text = PageText.Of(await fixture.Client.GetStringAsync(SeedSiteFixture.SeedPath));
        var seed = await File.ReadAllLinesAsync(SeedFile);
        string[] furniture = ["Updated ", "Reported by", "| Image", "Advertisement", "Published ", "Read: "];
        var body = string.Join("\n", seed.Skip(3).Where(l => l.Trim().Length > 0 && !furniture.Any(f => l.StartsWith(f, StringComparison.Ordinal))));

        var expected = PageText.Words(body);
        var actual = PageText.Words(text);
        var reproduced = LongestCommonSubsequence(expected, actual);

        // Every word of the body (dek, paragraphs, subheading, the four "Read:" lines) in order.
        reproduced.ShouldBe(expected.Count, $"{expected.Count - reproduced} of {expected.Count} body words are missing or out of order");
    }

    [Fact]
    public async Task The_page_has_the_markup_readers_and_machines_rely_on()
    {
        var html = await fixture.Client.GetStringAsync(SeedSiteFixture.SeedPath);
        var document = new HtmlParser().ParseDocument(html);

        document.QuerySelectorAll("h1").Select(h => h.TextContent.Trim())
            .ShouldBe(["Nagorno-Karabakh conflict: Putin, Armenian PM discuss worsening situation"]);
        document.QuerySelectorAll("article.article time").Select(t => t.GetAttribute("datetime")).Distinct()
            .ShouldBe(["2020-10-03T13:01:00+05:30"]);
        document.QuerySelector("a[rel=author]")!.GetAttribute("href").ShouldBe("/author/kunal-gaurav");

        var lead = document.QuerySelector(".lead-image img")!;
        lead.GetAttribute("width").ShouldBe("1200");
        lead.GetAttribute("height").ShouldBe("675");
        lead.GetAttribute("alt").ShouldNotBeNullOrWhiteSpace();

        document.QuerySelectorAll(".article-body h2").Select(h => h.TextContent).ShouldBe(["Decades-old stand-off"]);

        var ads = document.QuerySelectorAll("article.article aside[aria-label=Advertisement]");
        ads.Length.ShouldBe(2);
        foreach (var ad in ads)
        {
            ad.TextContent.ShouldContain("Advertisement");
            ad.QuerySelector(".ad-box")!.GetAttribute("style").ShouldBe("min-height:250px");
            ad.QuerySelector("img")!.GetAttribute("loading").ShouldBe("lazy");
        }

        // The page-level sidebar slot sits in the rail, labelled and with its height reserved too.
        var sidebar = document.QuerySelector(".rail aside[aria-label=Advertisement][data-ad-slot=sidebar]")!;
        sidebar.ShouldNotBeNull();
        sidebar.QuerySelector(".ad-box")!.GetAttribute("style").ShouldBe("min-height:250px");
        document.QuerySelectorAll("aside[aria-label=Advertisement]").Length.ShouldBe(3);

        // Related links point at the targets' current paths, with the non-breaking space of the seed.
        var related = document.QuerySelectorAll(".related-link").ToList();
        related.Count.ShouldBe(4);
        related[0].TextContent.ShouldStartWith("Read:\u00a0");
        related[0].QuerySelector("a")!.GetAttribute("href").ShouldBe("/world/armenia-ready-for-ceasefire-talks-with-international-mediators");

        // The rail: other World stories, never the article itself.
        document.QuerySelector(".rail h2")!.TextContent.ShouldBe("More in World");
        var more = document.QuerySelectorAll(".rail-list a").Select(a => a.GetAttribute("href")!).ToList();
        more.ShouldNotBeEmpty();
        more.ShouldAllBe(href => href.StartsWith("/world/") && href != SeedSiteFixture.SeedPath);
    }

    [Fact]
    public async Task The_theme_stylesheet_is_served_in_production()
    {
        var html = await fixture.Client.GetStringAsync(SeedSiteFixture.SeedPath);
        var href = new HtmlParser().ParseDocument(html).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        href.ShouldStartWith("/_content/Newsroom.Theme/site.css?v=");

        using var response = await fixture.Client.GetAsync(href);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        (await response.Content.ReadAsStringAsync()).ShouldContain(".masthead");
    }

    public static string SharedFolder
    {
        get
        {
            // The shared folder sits beside the repository (../shared from the repository root).
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Newsroom.sln")))
                {
                    var beside = Path.Combine(dir.FullName, "..", "shared");
                    return Directory.Exists(beside) ? Path.GetFullPath(beside) : "/work/shared";
                }
            }

            return "/work/shared";
        }
    }

    private static string SeedFile => Path.Combine(SharedFolder, "seed", "republic-world-nagorno-karabakh-2020-10-03.txt");

    private static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }
}
