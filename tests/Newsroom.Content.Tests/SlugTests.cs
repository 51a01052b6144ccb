using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

public sealed class SlugTests(ContentSiteFixture fixture) : IClassFixture<ContentSiteFixture>
{
    [Theory]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("  India's  economy -- grows ", "indias-economy-grows")]
    [InlineData("Café Déjà vu", "cafe-deja-vu")]
    [InlineData("Привет мир", "privet-mir")]
    [InlineData("Nagorno-Karabakh: Putin, Macron", "nagorno-karabakh-putin-macron")]
    [InlineData("COVID-19 in 2020", "covid-19-in-2020")]
    [InlineData("!!! ???", "")]
    [InlineData("", "")]
    public void Normalize_gives_lower_case_ascii_words_joined_by_hyphens(string text, string expected) =>
        SlugGenerator.Normalize(text).ShouldBe(expected);

    [Theory]
    [InlineData("北京欢迎你")]
    [InlineData("東京オリンピック")]
    [InlineData("नमस्ते दुनिया")]
    [InlineData("مرحبا بالعالم")]
    public void Non_latin_scripts_are_transliterated(string text)
    {
        var slug = SlugGenerator.Normalize(text);
        slug.ShouldNotBeEmpty();
        slug.ShouldMatch("^[a-z0-9]+(-[a-z0-9]+)*$");
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_boundary()
    {
        var slug = SlugGenerator.Normalize(string.Join(' ', Enumerable.Repeat("ceasefire", 30)));
        slug.Length.ShouldBeLessThanOrEqualTo(SlugGenerator.MaxLength);
        slug.ShouldEndWith("ceasefire");
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("Search", true)]
    [InlineData("robots.txt", true)]
    [InlineData("_content", true)]
    [InlineData("news", false)]
    [InlineData("ceasefire", false)]
    public void Reserved_words(string slug, bool reserved) => SlugGenerator.IsReserved(slug).ShouldBe(reserved);

    [Fact]
    public void Article_paths_follow_one_rule()
    {
        ArticleRoutes.PathFor(new ArticlePart { Section = "world", Slug = "a-b" }).ShouldBe("/world/a-b");
        ArticleRoutes.PathFor(new ArticlePart { Slug = "a-b" }).ShouldBe("/news/a-b");
    }

    [Fact]
    public async Task Empty_slug_is_generated_from_a_non_latin_headline()
    {
        var stored = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(content, "Привет мир", slug: "");
            await content.CreateAsync(item, VersionOptions.Published);
            return (await content.GetAsync(item.ContentItemId))!;
        });
        stored.As<ArticlePart>().Slug.ShouldBe("privet-mir");
        stored.DisplayText.ShouldBe("Привет мир");
    }

    [Fact]
    public async Task Headline_without_letters_gets_an_id_based_slug()
    {
        var stored = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(content, "?!", slug: "");
            await content.CreateAsync(item, VersionOptions.Published);
            return (await content.GetAsync(item.ContentItemId))!;
        });
        stored.As<ArticlePart>().Slug.ShouldBe("article-" + IdHash(stored.ContentItemId, 12));
    }

    [Fact]
    public async Task Given_slug_is_normalised_and_tags_are_trimmed_and_deduplicated()
    {
        var (stored, tagSlugs) = await fixture.WithContentAsync(async (content, db) =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(content, "Tags and slugs", slug: "  Monsoon Report: Día 1 ");
            item.Alter<ArticlePart>(p => p.Tags = [" Monsoon ", "monsoon", "Open Data", "", "Погода"]);
            await content.CreateAsync(item, VersionOptions.Published);
            var tags = db.Set<ArticleTagIndex>().Where(t => t.ContentItemId == item.ContentItemId).Select(t => t.TagSlug).ToList();
            return ((await content.GetAsync(item.ContentItemId))!, tags);
        });
        var part = stored.As<ArticlePart>();
        part.Slug.ShouldBe("monsoon-report-dia-1");
        part.Tags.ShouldBe(["Monsoon", "Open Data", "Погода"]);
        tagSlugs.Order().ShouldBe(["monsoon", "open-data", "pogoda"]);
    }

    [Fact]
    public async Task Generated_slug_that_is_taken_or_reserved_gets_an_id_suffix()
    {
        var stored = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(content, "Search", slug: "");
            await content.CreateAsync(item, VersionOptions.Published);
            return (await content.GetAsync(item.ContentItemId))!;
        });
        stored.As<ArticlePart>().Slug.ShouldBe("search-" + IdHash(stored.ContentItemId, 8));
    }

    [Fact]
    public async Task Three_articles_with_the_same_headline_created_together_all_publish_with_distinct_slugs()
    {
        var headline = "Same headline " + Guid.NewGuid().ToString("N")[^6..];
        var slugs = await fixture.WithContentAsync(async (content, _) =>
        {
            var result = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var item = await ContentSiteFixture.NewArticleAsync(content, headline, slug: "");
                await content.CreateAsync(item, VersionOptions.Published);
                result.Add((await content.GetAsync(item.ContentItemId))!.As<ArticlePart>().Slug);
            }

            return result;
        });
        slugs.Distinct(StringComparer.Ordinal).Count().ShouldBe(3);
    }

    [Theory]
    [InlineData("/world/a-story", true)]
    [InlineData("/news/x", true)]
    [InlineData("/", false)]
    [InlineData("/world", false)]
    [InlineData("/world/", false)]
    [InlineData("//story", false)]
    [InlineData("/world/a/b", false)]
    [InlineData("world/a", false)]
    public void Only_two_segment_paths_can_be_article_paths(string path, bool expected) =>
        ArticleRoutes.CouldBeArticlePath(path).ShouldBe(expected);

    [Fact]
    public void Every_generated_article_path_has_the_article_shape()
    {
        foreach (var (section, headline) in new[] { ("world", "Hello / World"), ("", "A/B testing"), ("business", "Back\\slash") })
        {
            ArticleRoutes.CouldBeArticlePath(ArticleRoutes.PathFor(section, SlugGenerator.Normalize(headline))).ShouldBeTrue();
        }
    }

    private static string IdHash(string id, int length) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..length];
}
