using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.Articles.Models;
using Newsroom.RelatedLinks.Models;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

public sealed class AdInsertionTests
{
    private static readonly AdInsertionSettings Defaults = new();

    private static ParagraphBlock P() => new() { Html = "Text." };

    private static List<BodyBlock> Paragraphs(int count) => Enumerable.Range(0, count).Select(_ => (BodyBlock)P()).ToList();

    [Fact]
    public void Defaults_are_after_paragraph_2_then_every_4_at_most_3_from_4_paragraphs()
    {
        Defaults.FirstAfterParagraph.ShouldBe(2);
        Defaults.EveryParagraphs.ShouldBe(4);
        Defaults.MaxPerArticle.ShouldBe(3);
        Defaults.MinParagraphs.ShouldBe(4);
    }

    [Fact]
    public void Ads_go_after_paragraph_n_then_every_m_paragraphs()
    {
        AdInsertionPlanner.Plan(Paragraphs(11), Defaults).ShouldBe([1, 5, 9]);
        AdInsertionPlanner.Plan(Paragraphs(9), new AdInsertionSettings { FirstAfterParagraph = 3, EveryParagraphs = 2, MaxPerArticle = 10 })
            .ShouldBe([2, 4, 6]);
    }

    [Fact]
    public void At_most_the_maximum_count()
    {
        AdInsertionPlanner.Plan(Paragraphs(40), Defaults).Count.ShouldBe(3);
        AdInsertionPlanner.Plan(Paragraphs(40), new AdInsertionSettings { MaxPerArticle = 1 }).ShouldBe([1]);
        AdInsertionPlanner.Plan(Paragraphs(40), new AdInsertionSettings { MaxPerArticle = 0 }).ShouldBeEmpty();
    }

    [Fact]
    public void Explicit_ad_slot_blocks_win()
    {
        var blocks = Paragraphs(12);
        blocks.Insert(7, new AdSlotBlock { SlotId = "x" });
        AdInsertionPlanner.Plan(blocks, Defaults).ShouldBeEmpty();
    }

    [Fact]
    public void Short_articles_get_none()
    {
        AdInsertionPlanner.Plan(Paragraphs(3), Defaults).ShouldBeEmpty();

        // Other blocks do not count towards the minimum.
        List<BodyBlock> padded = [P(), new SubheadingBlock { Text = "S" }, P(), new QuoteBlock { Text = "Q" }, P()];
        AdInsertionPlanner.Plan(padded, Defaults).ShouldBeEmpty();
        AdInsertionPlanner.Plan(Paragraphs(4), Defaults).ShouldBe([1]);
    }

    [Fact]
    public void Never_directly_before_a_subheading_nor_right_after_one()
    {
        // P P S P P P: after paragraph 2 comes a subheading, and an ad under a subheading would split it
        // from its text, so the ad moves to after the next paragraph.
        List<BodyBlock> blocks = [P(), P(), new SubheadingBlock { Text = "S" }, P(), P(), P()];
        AdInsertionPlanner.Plan(blocks, Defaults).ShouldBe([3]);
    }

    [Fact]
    public void Never_directly_before_a_related_link()
    {
        List<BodyBlock> blocks = [P(), P(), new RelatedLinkBlock { Url = "https://example.com" }, P(), P(), P()];
        AdInsertionPlanner.Plan(blocks, Defaults).ShouldBe([2]);
    }

    [Fact]
    public void Never_after_the_last_block()
    {
        AdInsertionPlanner.Plan(Paragraphs(4), new AdInsertionSettings { FirstAfterParagraph = 4 }).ShouldBeEmpty();
        List<BodyBlock> blocks = [P(), P(), P(), P(), new SubheadingBlock { Text = "End" }];
        AdInsertionPlanner.Plan(blocks, new AdInsertionSettings { FirstAfterParagraph = 4 }).ShouldBeEmpty();
    }

    [Fact]
    public void A_moved_ad_does_not_shift_the_later_ones()
    {
        List<BodyBlock> blocks = [P(), P(), new SubheadingBlock { Text = "S" }, P(), P(), P(), P(), P(), P(), P(), P()];
        // Paragraph 2 is block 1 (moved to block 3), paragraph 6 is block 6, paragraph 10 is the last block.
        AdInsertionPlanner.Plan(blocks, Defaults).ShouldBe([3, 6]);
    }
}
