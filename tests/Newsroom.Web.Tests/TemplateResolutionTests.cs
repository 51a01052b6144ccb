using System.Reflection;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Controllers;
using Newsroom.ContentManagement;
using Newsroom.DisplayManagement.Placement;
using Newsroom.DisplayManagement.Rendering;
using Newsroom.DisplayManagement.Services;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Web.Tests;

[Collection(SeedSiteCollection.Name)]
public sealed class TemplateResolutionTests(SeedSiteFixture fixture)
{
    private const string SeedArticleId = "04193ec5e9e682f0ddff909313cf75c1";
    private const string KunalGauravBylineId = "35198adcb83b5a74e6ebc6aeb06bdf4b";

    private ShapeTemplateResolver Resolver => fixture.Site.Shell.ServiceProvider.GetRequiredService<ShapeTemplateResolver>();

    [Fact]
    public void A_theme_template_wins_over_a_module_template_at_the_same_path()
    {
        // Both the Articles module and the theme compile /Views/Shapes/Content-Article.cshtml.
        CompiledViews(typeof(ArticleController).Assembly).ShouldContain("/Views/Shapes/Content-Article.cshtml");
        CompiledViews(typeof(Newsroom.Theme.DisplayStartup).Assembly).ShouldContain("/Views/Shapes/Content-Article.cshtml");

        var template = Resolver.Find("Content-Article")!;

        template.Assembly.ShouldBe("Newsroom.Theme");
    }

    [Fact]
    public async Task The_article_page_is_rendered_by_the_themes_template()
    {
        var html = await fixture.Client.GetStringAsync(SeedSiteFixture.SeedPath);

        // Only the theme's Content-Article template has these wrappers.
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("article.article > header.article-header").ShouldNotBeNull();
        document.QuerySelector("article.article > div.article-main").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_type_specific_summary_template_is_chosen_before_the_generic_one()
    {
        await using var scope = fixture.Site.CreateShellScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var display = scope.ServiceProvider.GetRequiredService<IContentDisplayManager>();

        var article = await display.BuildDisplayAsync((await content.GetAsync(SeedArticleId, VersionOptions.Published))!, DisplayTypes.Summary);
        article.Metadata.TemplateCandidates().ShouldBe(["Content-Article.Summary", "Content.Summary", "Content-Article", "Content"]);
        Resolver.Find("Content.Summary").ShouldNotBeNull();
        Resolver.Resolve(article)!.Name.ShouldBe("Content-Article.Summary");

        // A type without its own summary template falls back to the generic one, not to its detail template.
        var byline = await display.BuildDisplayAsync((await content.GetAsync(KunalGauravBylineId, VersionOptions.Published))!, DisplayTypes.Summary);
        Resolver.Resolve(byline)!.Name.ShouldBe("Content.Summary");

        var detail = await display.BuildDisplayAsync((await content.GetAsync(SeedArticleId, VersionOptions.Published))!, DisplayTypes.Detail);
        Resolver.Resolve(detail)!.Name.ShouldBe("Content-Article");
    }

    [Fact]
    public async Task Drivers_place_shapes_in_zones_by_position()
    {
        await using var scope = fixture.Site.CreateShellScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var display = scope.ServiceProvider.GetRequiredService<IContentDisplayManager>();

        var shape = await display.BuildDisplayAsync((await content.GetAsync(SeedArticleId, VersionOptions.Published))!, DisplayTypes.Detail);

        shape.Zone("Header").Select(s => s.Metadata.Type).ShouldBe(["ArticleSection", "ArticleUpdated", "ArticleHeadline", "ArticleBylines", "LeadImage"]);
        shape.Zone("Content").Select(s => s.Metadata.Type).ShouldBe(["ArticleBody"]);
        shape.Zone("Footer").Select(s => s.Metadata.Type).ShouldBe(["ArticlePublished"]);
        shape.Zone("Header")[2].Metadata.Alternates.ShouldContain("ArticleHeadline-Article.Detail");
    }

    [Fact]
    public void The_themes_placement_file_overrides_drivers_and_the_first_matching_rule_wins()
    {
        var theme = PlacementRules.FromAssembly(typeof(Newsroom.Theme.DisplayStartup).Assembly);
        theme.Find("ArticleSection", "Article", "Summary").ShouldBe("-");
        theme.Find("ArticleSection", "Article", "Detail").ShouldBeNull();

        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""
            { "LeadImage": [
                { "displayType": "Summary", "contentType": "Gallery", "place": "Media:0" },
                { "displayType": "Summary", "place": "-" },
                { "place": "Header:9" } ] }
            """));
        var rules = PlacementRules.Parse(json);
        rules.Find("LeadImage", "Gallery", "Summary").ShouldBe("Media:0");
        rules.Find("LeadImage", "Article", "Summary").ShouldBe("-");
        rules.Find("LeadImage", "Article", "Detail").ShouldBe("Header:9");
        rules.Find("ArticleBody", "Article", "Detail").ShouldBeNull();
    }

    [Fact]
    public async Task The_template_trace_names_each_template_in_development_only()
    {
        var production = await fixture.Client.GetStringAsync(SeedSiteFixture.SeedPath + "?trace=templates");
        production.ShouldNotContain("data-template=");
        production.ShouldNotContain("<!-- shape");

        await using var development = fixture.Site.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        using var client = development.CreateClient();
        var untraced = await client.GetStringAsync(SeedSiteFixture.SeedPath);
        var traced = await client.GetStringAsync(SeedSiteFixture.SeedPath + "?trace=templates");

        untraced.ShouldNotContain("<!-- shape");
        traced.ShouldContain("<!-- shape Content (Detail) tried: Content-Article.Detail, Content.Detail, Content-Article, Content; template: /Views/Shapes/Content-Article.cshtml from Newsroom.Theme -->");
        traced.ShouldContain("template: /Views/Shapes/ArticleBylines.cshtml from Newsroom.Bylines");
        traced.ShouldContain("data-template=\"/Views/Shapes/AdSlot.cshtml\" data-template-assembly=\"Newsroom.Advertising\"");
    }

    private static IEnumerable<string> CompiledViews(Assembly assembly) =>
        assembly.GetCustomAttributes<RazorCompiledItemAttribute>().Select(a => a.Identifier);
}
