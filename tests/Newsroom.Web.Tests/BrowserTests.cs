using System.Diagnostics;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Web.Tests;

/// <summary>A reader's path through the real site in Chromium, and the seed fidelity tool against real Kestrel.</summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NewsroomSite _site = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        _site = new NewsroomSite(_database);
        _address = _site.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _database.DisposeAsync();
    }

    // Arrival is proven by web-first assertions (they retry until the URL and the next page's heading are
    // there) rather than by page lifecycle events: under a loaded CI machine, waiting for a load state after
    // a click twice timed this walk out although the next page had arrived.
    private static readonly PageAssertionsToHaveURLOptions Within = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_reader_goes_from_the_home_page_to_the_seed_article_its_author_and_a_section()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(_address);

        await page.GotoAsync("/");
        (await page.TitleAsync()).ShouldBe("The Newsroom Herald");
        await ScreenshotAsync(page, "web-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nagorno-Karabakh conflict: Putin, Armenian PM discuss worsening situation" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_address, SeedSiteFixture.SeedPath).ToString(), Within);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nagorno-Karabakh conflict: Putin, Armenian PM discuss worsening situation");
        (await page.Locator("article.article aside[aria-label=Advertisement]").CountAsync()).ShouldBe(2);
        await ScreenshotAsync(page, "web-article");

        var author = page.Locator("a[rel=author]", new() { HasText = "Kunal Gaurav" });
        (await author.GetAttributeAsync("href")).ShouldBe("/author/kunal-gaurav");
        await author.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_address, "/author/kunal-gaurav").ToString(), Within);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kunal Gaurav");
        (await page.Locator(".summary").CountAsync()).ShouldBeGreaterThan(0);
        await ScreenshotAsync(page, "web-author");

        await page.Locator("nav.sections-nav").GetByRole(AriaRole.Link, new() { Name = "Business" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_address, "/business").ToString(), Within);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Business");
        (await page.Locator("nav.sections-nav a[aria-current=page]").InnerTextAsync()).ShouldBe("Business");
        await ScreenshotAsync(page, "web-section");
    }

    [Fact]
    public async Task The_article_fits_a_360_pixel_screen_and_reserves_its_ad_space()
    {
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString(), ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(SeedSiteFixture.SeedPath);

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(360, "nothing sticks out sideways on a small phone");
        var adBoxHeight = await page.Locator("aside[aria-label=Advertisement] .ad-box").First.EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        adBoxHeight.ShouldBeGreaterThanOrEqualTo(250);
        await ScreenshotAsync(page, "web-article-360");
    }

    /// <summary>Scrolls through the page first so lazy images are in the picture.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("async () => { for (let y = 0; y < document.body.scrollHeight; y += 500) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 100)); } }");
        await page.WaitForFunctionAsync("() => Array.from(document.images).every(i => i.complete)");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Browser.ScreenshotAsync(page, name);
    }

    [Fact]
    public async Task The_python_seed_fidelity_tool_passes_against_the_running_site()
    {
        var tool = Path.Combine(SeedArticleTests.SharedFolder, "tools", "seed_fidelity.py");
        File.Exists(tool).ShouldBeTrue($"{tool} is part of the project's shared material");

        using var process = Process.Start(new ProcessStartInfo("python3", [tool, new Uri(_address, SeedSiteFixture.SeedPath).ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, output + errors);
        output.ShouldContain("14/14 elements in order");
    }
}
