using Newsroom.Articles.Models;
using Newsroom.ContentManagement;

namespace Newsroom.Advertising.Models;

/// <summary>An advertisement slot (the AdvertisementSlot content type).</summary>
public sealed class AdvertisementSlotPart : ContentPart
{
    /// <summary>Machine name, e.g. <c>article-top</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Sizes from <see cref="Services.AdSizes.Known"/>: "300x250", "728x90", ... or "fluid".</summary>
    public List<string> Sizes { get; set; } = [];

    public AdPlacement Placement { get; set; } = AdPlacement.InArticle;

    /// <summary>Third-party markup; rendered only inside a sandboxed iframe without same-origin rights.</summary>
    public string? ProviderMarkup { get; set; }

    public HouseAd? HouseAd { get; set; }

    public DateTime? ActiveFromUtc { get; set; }

    public DateTime? ActiveUntilUtc { get; set; }

    /// <summary>Section slugs this slot targets; empty for every section.</summary>
    public List<string> Sections { get; set; } = [];
}

public enum AdPlacement
{
    Header,
    InArticle,
    Sidebar,
    Footer,
}

/// <summary>The publisher's own ad: an image and a link.</summary>
public sealed class HouseAd
{
    public string ImageSrc { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public string LinkUrl { get; set; } = "";

    public string? Alt { get; set; }
}

/// <summary>An explicit ad position in a body; explicit blocks win over automatic insertion.</summary>
[ContentTypeDiscriminator("adSlot")]
public sealed class AdSlotBlock : BodyBlock
{
    public string SlotId { get; set; } = "";
}
