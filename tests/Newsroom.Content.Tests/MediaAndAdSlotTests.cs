using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.ContentManagement;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

public sealed class MediaAndAdSlotTests(ContentSiteFixture fixture) : IClassFixture<ContentSiteFixture>
{
    [Fact]
    public async Task Media_are_served_with_long_cache_and_nosniff()
    {
        using var response = await fixture.Client.GetAsync("/media/sample/house-ad-300x250.png");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(30));
        response.Headers.CacheControl.Public.ShouldBeTrue();
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task Svg_is_sandboxed_and_other_files_are_not_served()
    {
        var media = Path.Combine(fixture.Site.Database.DataPath, "media");
        await File.WriteAllTextAsync(Path.Combine(media, "logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        await File.WriteAllTextAsync(Path.Combine(media, "notes.html"), "<script>alert(1)</script>");

        using (var svg = await fixture.Client.GetAsync("/media/logo.svg"))
        {
            svg.StatusCode.ShouldBe(HttpStatusCode.OK);
            svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
            svg.Headers.GetValues("Content-Security-Policy").ShouldBe(["sandbox"]);
        }

        foreach (var path in new[] { "/media/notes.html", "/media/../newsroom.db", "/media/%2e%2e/newsroom.db", "/media/sample/missing.jpg", "/media/" })
        {
            using var response = await fixture.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }

    [Fact]
    public async Task Ad_slot_selector_honours_schedule_placement_and_sections()
    {
        var from = fixture.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var id = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await content.NewAsync("AdvertisementSlot");
            item.Alter<AdvertisementSlotPart>(p =>
            {
                p.Name = "sports-sidebar-" + Guid.NewGuid().ToString("N")[..6];
                p.Sizes = ["300X600"];
                p.Placement = AdPlacement.Sidebar;
                p.Sections = ["Sports"];
                p.ActiveFromUtc = from;
                p.ActiveUntilUtc = from.AddDays(7);
            });
            await content.CreateAsync(item, VersionOptions.Published);
            item = (await content.GetAsync(item.ContentItemId))!;
            item.As<AdvertisementSlotPart>().Sizes.ShouldBe(["300x600"]);
            item.As<AdvertisementSlotPart>().Sections.ShouldBe(["sports"]);
            return item.ContentItemId;
        });

        async Task<IReadOnlyList<string>> SelectAsync(AdPlacement placement, string? section)
        {
            await using var scope = fixture.Scope();
            var selector = scope.ServiceProvider.GetRequiredService<AdSlotSelector>();
            return (await selector.SelectAsync(placement, section)).Select(s => s.ContentItemId).ToList();
        }

        (await SelectAsync(AdPlacement.Sidebar, "sports")).ShouldNotContain(id);
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        (await SelectAsync(AdPlacement.Sidebar, "sports")).ShouldContain(id);
        (await SelectAsync(AdPlacement.Sidebar, "world")).ShouldNotContain(id);
        (await SelectAsync(AdPlacement.Header, "sports")).ShouldNotContain(id);

        // The recipe's in-article slots target every section.
        (await SelectAsync(AdPlacement.InArticle, "world")).Select(s => s).ShouldContain("280042f1da22b67da8c0acbef032dd46");
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        (await SelectAsync(AdPlacement.Sidebar, "sports")).ShouldNotContain(id);
    }

    [Fact]
    public async Task A_page_level_slot_renders_in_its_placement_through_the_ad_slot_template()
    {
        // The sample content's "sidebar" slot (a house ad, every section) belongs in the article's rail.
        var html = await fixture.Client.GetStringAsync("/world/nagorno-karabakh-conflict-putin-armenian-pm-discuss-worsening-situation");
        var rail = html.IndexOf("<div class=\"rail\">", StringComparison.Ordinal);
        rail.ShouldBeGreaterThan(0);
        var ad = html.IndexOf("<aside class=\"ad\" aria-label=\"Advertisement\" data-ad-slot=\"sidebar\">", StringComparison.Ordinal);
        ad.ShouldBeGreaterThan(rail, "the sidebar slot renders inside the article's rail");
        html.IndexOf("<aside aria-labelledby=\"rail-title\">", StringComparison.Ordinal).ShouldBeGreaterThan(ad, "before the rail's article list");
        html.ShouldContain("alt=\"Subscribe to The Newsroom Herald\"");
    }

    [Fact]
    public async Task A_theme_slot_is_filled_for_the_pages_section_and_follows_slots_published_and_scheduled()
    {
        const string Article = "/world/nagorno-karabakh-conflict-putin-armenian-pm-discuss-worsening-situation";
        static string Slot(string html, string slot)
        {
            var start = html.IndexOf($"<div class=\"wrap ad-placement ad-placement-{slot}\">", StringComparison.Ordinal);
            start.ShouldBeGreaterThan(0, $"the layout's {slot} slot");
            return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
        }

        Task<string> AddSlotAsync(AdPlacement placement, DateTime? activeFrom) => fixture.WithContentAsync(async (content, _) =>
        {
            var name = $"{placement}-{Guid.NewGuid():N}"[..16].ToLowerInvariant();
            var item = await content.NewAsync("AdvertisementSlot");
            item.Alter<AdvertisementSlotPart>(p =>
            {
                p.Name = name;
                p.Sizes = ["728x90"];
                p.Placement = placement;
                p.Sections = ["world"];
                p.ActiveFromUtc = activeFrom;
                p.HouseAd = new HouseAd { ImageSrc = "/media/sample/house-ad-300x250.png", Width = 728, Height = 90, LinkUrl = "/world", Alt = "World desk" };
            });
            await content.CreateAsync(item, VersionOptions.Published);
            return name;
        });

        // The page is in the output cache before the slot exists: publishing a slot evicts it.
        Slot(await fixture.Client.GetStringAsync(Article), "header").ShouldNotContain("<aside");
        var header = await AddSlotAsync(AdPlacement.Header, null);
        var html = await fixture.Client.GetStringAsync(Article);
        Slot(html, "header").ShouldContain($"data-ad-slot=\"{header}\"");
        Slot(html, "header").ShouldContain("alt=\"World desk\"");
        Slot(html, "footer").ShouldNotContain("<aside", Case.Sensitive, "no footer slot is active");
        Slot(await fixture.Client.GetStringAsync("/world"), "header").ShouldContain($"data-ad-slot=\"{header}\"");
        Slot(await fixture.Client.GetStringAsync("/sports"), "header").ShouldNotContain("<aside", Case.Sensitive, "the slot targets World only");

        // A slot that starts in two seconds: the page cached now is kept no longer than that.
        var footer = await AddSlotAsync(AdPlacement.Footer, fixture.Clock.GetUtcNow().UtcDateTime.AddSeconds(2));
        Slot(await fixture.Client.GetStringAsync(Article), "footer").ShouldNotContain("<aside", Case.Sensitive, "not started yet");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        Slot(await fixture.Client.GetStringAsync(Article), "footer").ShouldContain($"data-ad-slot=\"{footer}\"");
    }
}
