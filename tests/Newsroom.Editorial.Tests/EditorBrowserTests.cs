using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Newsroom.Testing;
using Newsroom.Users.Permissions;
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

    [Fact]
    public async Task Editor_picks_a_related_article_with_the_keyboard_and_a_colleague_takes_over_editing()
    {
        await using var site = await EditorSite.StartAsync(kestrel: true);
        await site.CreateUserAsync("erin", StandardRoles.Editor);
        var address = site.Address!;
        await using var browser = await Browser.LaunchAsync();

        var page = await browser.NewPageAsync(address);
        await SignInAsync(page, "editor");
        await page.GotoAsync("/admin/articles/new");
        await page.FillAsync("#Headline", "Ceasefire talks resume in Geneva");
        await page.FillAsync("#Dek", "Diplomats meet again after a month.");
        await page.FillAsync("textarea[name='Blocks[0].Text']", "Delegations arrived on Monday.");

        // The related-link picker: type, move with the arrow keys, Enter picks, Escape closes.
        await page.ClickAsync("button[data-add=relatedLink]");
        var search = page.Locator("li.block[data-type=relatedLink] input[data-search]");
        var list = page.Locator("li.block[data-type=relatedLink] .suggestions");
        (await search.GetAttributeAsync("role")).ShouldBe("combobox");
        await search.PressSequentiallyAsync("armenia");
        await list.Locator("li[role=option]").First.WaitForAsync();
        (await search.GetAttributeAsync("aria-expanded")).ShouldBe("true");
        await search.PressAsync("ArrowDown");
        var active = await search.GetAttributeAsync("aria-activedescendant");
        active.ShouldNotBeNullOrEmpty();
        (await page.GetAttributeAsync($"#{active}", "aria-selected")).ShouldBe("true");
        var option = (await page.TextContentAsync($"#{active}"))!;
        var headline = option[..option.IndexOf(" — ", StringComparison.Ordinal)];
        headline.ShouldContain("Armenia");
        await search.PressAsync("Enter");
        (await list.IsHiddenAsync()).ShouldBeTrue();
        (await search.GetAttributeAsync("aria-expanded")).ShouldBe("false");
        (await search.InputValueAsync()).ShouldBe(headline);
        var target = await page.InputValueAsync("input[name='Blocks[1].TargetContentItemId']");
        target.ShouldNotBeNullOrEmpty();
        ((await page.TextContentAsync("li.block[data-type=relatedLink] [data-chosen]")) ?? "").ShouldContain($"Links to “{headline}”");

        await search.FillAsync("azer");
        await list.Locator("li[role=option]").First.WaitForAsync();
        await search.PressAsync("Escape");
        (await list.IsHiddenAsync()).ShouldBeTrue();
        (await page.InputValueAsync("input[name='Blocks[1].TargetContentItemId']")).ShouldBe(target);

        // The byline picker is the same combobox.
        var bylineSearch = page.Locator("#byline-search");
        await bylineSearch.PressSequentiallyAsync("Kunal");
        await page.Locator("#bylines .suggestions li[role=option]").First.WaitForAsync();
        await bylineSearch.PressAsync("ArrowDown");
        await bylineSearch.PressAsync("Enter");
        ((await page.TextContentAsync("#byline-chips")) ?? "").ShouldContain("Kunal Gaurav");

        // A byline that does not exist yet is created from the same list, with the keyboard.
        await bylineSearch.PressSequentiallyAsync("Zara Quill");
        await page.Locator("#bylines .suggestions li[role=option]", new() { HasText = "Create byline “Zara Quill”" }).WaitForAsync();
        await bylineSearch.PressAsync("ArrowDown");
        await bylineSearch.PressAsync("Enter");
        await page.Locator("#byline-chips li", new() { HasText = "Zara Quill" }).WaitForAsync();
        (await page.Locator("#byline-chips input[name=BylineIds]").CountAsync()).ShouldBe(2);

        if (await page.QuerySelectorAsync("input[name=AcknowledgeWarnings]") is { } acknowledge)
        {
            await acknowledge.CheckAsync();
        }

        await page.ClickAsync("#publish");
        await page.WaitForURLAsync("**/admin/articles/*/edit");
        (await page.TextContentAsync("p.notice")).ShouldBe("Published.");
        var editUrl = page.Url;

        var reader = await browser.NewPageAsync(address);
        (await reader.GotoAsync("/news/ceasefire-talks-resume-in-geneva"))!.Status.ShouldBe(200);
        (await reader.TextContentAsync(".related-link a")).ShouldBe(headline);
        (await reader.ContentAsync()).ShouldContain("Zara Quill");
        await reader.ClickAsync(".related-link a");
        ((await reader.TextContentAsync("h1")) ?? "").ShouldContain(headline);

        // The editor opens it again (taking the lock) and starts typing; a colleague opens it too.
        await page.GotoAsync(editUrl);
        await page.FillAsync("#SeoTitle", "Geneva talks, unsaved");
        var colleague = await browser.NewPageAsync(address);
        await SignInAsync(colleague, "erin");
        await colleague.GotoAsync(editUrl);
        ((await colleague.TextContentAsync("#lock-banner")) ?? "").ShouldMatch(@"editor has been editing since \d\d:\d\d \(site time\)\.");
        await Browser.ScreenshotAsync(colleague, "editor-lock-notice");
        await colleague.ClickAsync("#take-over");
        await colleague.Locator("#lock-banner").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The editor's page learns it at its next heartbeat (at once when the tab comes back to the front).
        await page.EvaluateAsync("window.dispatchEvent(new Event('focus'))");
        await page.Locator("#lock-banner").WaitForAsync();
        ((await page.TextContentAsync("#lock-banner")) ?? "").ShouldMatch(@"erin took over editing at \d\d:\d\d \(site time\) — your unsaved changes are still here; saving will be checked against erin's changes\.");
        (await page.InputValueAsync("#SeoTitle")).ShouldBe("Geneva talks, unsaved");
        await Browser.ScreenshotAsync(page, "editor-lock-taken-over");
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", EditorSite.Password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForURLAsync("**/admin**");
        }
        catch (TimeoutException ex)
        {
            // Say where sign-in ended instead (a refused sign-in, an error page): this wait timed out
            // once in a CI run and could not be reproduced, and the timeout alone does not tell.
            var text = await page.InnerTextAsync("body");
            throw new TimeoutException($"Signing in as {user} did not reach /admin; the page is {page.Url}: {text[..Math.Min(text.Length, 600)]}", ex);
        }
    }
}
