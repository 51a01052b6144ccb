using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Editorial.Tests;

/// <summary>
/// Issue 4's walk-through in Debian's Chromium: an author writes an article with paragraphs, a
/// subheading, a related link, a byline and an uploaded lead image and submits it; an editor previews
/// it and schedules it; time passes the instant; only then do readers see it on its page, in the feed and on the home page.
/// </summary>
public sealed class EditorBrowserTests
{
    private const string Headline = "Night trains return to the valley line";

    [Fact]
    public async Task Author_writes_editor_previews_and_schedules_and_readers_see_it_only_after_the_instant()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var site = await EditorSite.StartAsync(clock, kestrel: true);
        var address = site.Address!;
        await using var browser = await Browser.LaunchAsync();

        // The author writes.
        var author = await browser.NewPageAsync(address);
        await SignInAsync(author, "alice");
        await author.GotoAsync("/admin/articles/new");
        await author.FillAsync("#Headline", Headline);
        (await author.TextContentAsync("#headline-counter")).ShouldBe($"{Headline.Length}/200");
        (await author.InputValueAsync("#Slug")).ShouldBe("night-trains-return-to-the-valley-line");
        await author.FillAsync("#Dek", "Sleeper services resume after four years.");
        await author.SelectOptionAsync("#Section", "india");
        await author.FillAsync("textarea[name='Blocks[0].Text']", "The first overnight train left the capital at 22:10 on Friday.");
        await author.ClickAsync("button[data-add=subheading]");
        await author.FillAsync("input[name='Blocks[1].Text']", "Why the line closed");
        await author.ClickAsync("button[data-add=paragraph]");
        await author.FillAsync("textarea[name='Blocks[2].Text']", "Floods washed away two bridges in 2022.");
        await author.ClickAsync("button[data-add=relatedLink]");
        await author.FillAsync("li.block[data-type=relatedLink] input[data-search]", "Armenia");
        await author.ClickAsync("li.block[data-type=relatedLink] .suggestions li >> nth=0");
        (await author.InputValueAsync("input[name='Blocks[3].TargetContentItemId']")).ShouldNotBeNullOrEmpty();

        // Move the related link above the second paragraph with the keyboard, and back.
        await author.FocusAsync("li.block[data-type=relatedLink] button[data-move='-1']");
        await author.Keyboard.PressAsync("Enter");
        (await author.GetAttributeAsync("#blocks > li.block >> nth=2", "data-type")).ShouldBe("relatedLink");
        await author.FocusAsync("li.block[data-type=relatedLink] button[data-move='1']");
        await author.Keyboard.PressAsync("Enter");
        (await author.GetAttributeAsync("#blocks > li.block >> nth=3", "data-type")).ShouldBe("relatedLink");

        await author.FillAsync("#byline-search", "Kunal");
        await author.ClickAsync("#bylines .suggestions li >> nth=0");
        ((await author.TextContentAsync("#byline-chips")) ?? "").ShouldContain("Kunal Gaurav");

        await author.SetInputFilesAsync("#lead-upload", new FilePayload { Name = "train.png", MimeType = "image/png", Buffer = TestImages.Png(64, 40) });
        await author.WaitForFunctionAsync("document.querySelector(\"input[name='LeadImage.Src']\").value.startsWith('/media/uploads/')");
        await author.FillAsync("#LeadAlt", "A blue sleeper train at a platform at night");
        await author.FillAsync("#LeadCredit", "Rail press office");
        await author.FillAsync("#LeadCaption", "The first train back");
        await Browser.ScreenshotAsync(author, "editor-author-writing");

        await author.ClickAsync("button[name=command][value=submit]");
        await author.WaitForURLAsync("**/admin/articles/*/edit");
        (await author.TextContentAsync("p.notice")).ShouldBe("Submitted for review.");
        (await author.QuerySelectorAsync("#publish")).ShouldBeNull(); // authors cannot publish
        var editUrl = author.Url;
        await Browser.ScreenshotAsync(author, "editor-author-submitted");

        // An anonymous reader cannot see it yet.
        var publicPath = "/india/night-trains-return-to-the-valley-line";
        using var reader = new HttpClient { BaseAddress = address };
        (await reader.GetAsync(publicPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The editor previews the unsaved state, then schedules it.
        var editorPage = await browser.NewPageAsync(address);
        await SignInAsync(editorPage, "editor");
        await editorPage.GotoAsync(editUrl);
        ((await editorPage.TextContentAsync("#lock-banner")) ?? "").ShouldContain("alice has been editing since");
        await editorPage.FillAsync("#SeoDescription", "Overnight trains run again on the valley line after four years.");
        var popup = await editorPage.Context.RunAndWaitForPageAsync(() => editorPage.ClickAsync("#preview"));
        await popup.WaitForLoadStateAsync();
        ((await popup.TextContentAsync("h1")) ?? "").ShouldContain(Headline);
        (await popup.ContentAsync()).ShouldContain("Floods washed away two bridges in 2022.");
        (await popup.GetAttributeAsync("meta[name=robots]", "content")).ShouldBe("noindex, nofollow");
        await Browser.ScreenshotAsync(popup, "editor-preview");
        (await reader.GetAsync(publicPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The editor schedules it for 14:00 site time (Asia/Kolkata, UTC+5:30): 08:30 UTC.
        var acknowledge = await editorPage.QuerySelectorAsync("input[name=AcknowledgeWarnings]");
        if (acknowledge is not null)
        {
            await acknowledge.CheckAsync();
        }

        await editorPage.FillAsync("#PublishAt", "2026-11-27T14:00");
        await Browser.ScreenshotAsync(editorPage, "editor-before-schedule");
        await editorPage.ClickAsync("#schedule");
        await editorPage.WaitForURLAsync("**/admin/articles/*/edit");
        ((await editorPage.TextContentAsync("p.notice")) ?? "").ShouldStartWith("Scheduled for 14:00");
        (await reader.GetAsync(publicPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Time passes the instant: the scheduler publishes it.
        clock.Advance(TimeSpan.FromMinutes(31));
        var status = HttpStatusCode.NotFound;
        for (var attempt = 0; attempt < 120 && status != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(250);
            clock.Advance(TimeSpan.FromSeconds(1));
            status = (await reader.GetAsync(publicPath)).StatusCode;
        }

        status.ShouldBe(HttpStatusCode.OK);

        // Readers see it on its page, in the feed and on the home page.
        var anonymous = await browser.NewPageAsync(address);
        var response = await anonymous.GotoAsync(publicPath);
        response!.Status.ShouldBe(200);
        ((await anonymous.TextContentAsync("h1")) ?? "").ShouldContain(Headline);
        (await anonymous.ContentAsync()).ShouldContain("Kunal Gaurav");
        (await anonymous.ContentAsync()).ShouldContain("Why the line closed");
        await Browser.ScreenshotAsync(anonymous, "editor-published-article");
        (await reader.GetStringAsync("/feed")).ShouldContain(Headline);
        (await reader.GetStringAsync("/")).ShouldContain(Headline);
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", EditorSite.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin**");
    }
}
