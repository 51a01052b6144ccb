using System.Reflection;
using Newsroom.Advertising.Models;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;

namespace Newsroom.Advertising.Services;

/// <summary>
/// Decides where automatic in-article ads go. Pure: the same body and settings give the same plan.
/// </summary>
public static class AdInsertionPlanner
{
    /// <summary>
    /// The indexes of the blocks AFTER which an automatic ad goes, ascending. Rules: none when the body
    /// has explicit ad-slot blocks (the editor decided); none when it has fewer than
    /// <see cref="AdInsertionSettings.MinParagraphs"/> paragraphs; the first after paragraph
    /// <see cref="AdInsertionSettings.FirstAfterParagraph"/>, then every
    /// <see cref="AdInsertionSettings.EveryParagraphs"/> paragraphs, at most
    /// <see cref="AdInsertionSettings.MaxPerArticle"/>; never directly before a subheading or a related
    /// link, nor between a subheading and its text (the ad moves to the next allowed place); never after the last block.
    /// </summary>
    public static IReadOnlyList<int> Plan(IReadOnlyList<BodyBlock> blocks, AdInsertionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxPerArticle <= 0 || blocks.Any(b => b is AdSlotBlock))
        {
            return [];
        }

        if (blocks.Count(b => b is ParagraphBlock) < Math.Max(1, settings.MinParagraphs))
        {
            return [];
        }

        var first = Math.Max(1, settings.FirstAfterParagraph);
        var every = Math.Max(1, settings.EveryParagraphs);
        var plan = new List<int>();
        var paragraphs = 0;
        var nextTrigger = first;
        var pending = false;
        for (var i = 0; i < blocks.Count && plan.Count < settings.MaxPerArticle; i++)
        {
            if (blocks[i] is ParagraphBlock)
            {
                paragraphs++;
                if (paragraphs >= nextTrigger)
                {
                    pending = true;
                    nextTrigger += every;
                }
            }

            if (pending && MayFollow(blocks, i))
            {
                plan.Add(i);
                pending = false;
            }
        }

        return plan;
    }

    private static bool MayFollow(IReadOnlyList<BodyBlock> blocks, int index)
    {
        if (index >= blocks.Count - 1 || blocks[index] is SubheadingBlock)
        {
            return false;
        }

        var next = blocks[index + 1];
        return next is not SubheadingBlock && Kind(next) != "relatedLink";
    }

    // Related links live in a module this one does not depend on; the stored block kind identifies them.
    private static string? Kind(BodyBlock block) => block.GetType().GetCustomAttribute<ContentTypeDiscriminatorAttribute>()?.Value;
}
