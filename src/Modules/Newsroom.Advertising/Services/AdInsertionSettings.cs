using System.Text.Json;
using Newsroom.ContentManagement;
using Newsroom.Data;

namespace Newsroom.Advertising.Services;

/// <summary>
/// Rules for automatic in-article ads, stored in the site settings under <c>Extra["Advertising"]</c>
/// (a recipe's settings step may set them: <c>"Advertising": { "EveryParagraphs": 5 }</c>).
/// </summary>
public sealed class AdInsertionSettings
{
    public const string SettingsKey = "Advertising";

    /// <summary>The first automatic ad goes after this paragraph (1-based).</summary>
    public int FirstAfterParagraph { get; set; } = 2;

    /// <summary>Then one more after every this many paragraphs.</summary>
    public int EveryParagraphs { get; set; } = 4;

    /// <summary>At most this many automatic ads in one article.</summary>
    public int MaxPerArticle { get; set; } = 3;

    /// <summary>Articles with fewer paragraphs get no automatic ads.</summary>
    public int MinParagraphs { get; set; } = 4;

    /// <summary>The settings of the site, or the defaults when none are stored.</summary>
    public static AdInsertionSettings From(SiteSettings settings)
    {
        if (settings.Extra?[SettingsKey] is not { } json)
        {
            return new AdInsertionSettings();
        }

        try
        {
            return json.Deserialize<AdInsertionSettings>(ContentJson.Options) ?? new AdInsertionSettings();
        }
        catch (JsonException)
        {
            // Bad settings must not take article pages down; the defaults are safe.
            return new AdInsertionSettings();
        }
    }
}
