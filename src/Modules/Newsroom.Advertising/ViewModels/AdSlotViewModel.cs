using Newsroom.Advertising.Models;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Advertising.ViewModels;

/// <summary>
/// One advertisement: always inside &lt;aside aria-label="Advertisement"&gt; with a visible label and
/// its height reserved up front, so the page never jumps when the ad arrives.
/// </summary>
public sealed class AdSlotViewModel : Shape
{
    public string Name { get; init; } = "";

    /// <summary>The tallest of the slot's sizes: reserved before anything loads.</summary>
    public int ReservedHeight { get; init; }

    /// <summary>The widest of the slot's sizes (0 for fluid).</summary>
    public int MaxWidth { get; init; }

    public HouseAd? HouseAd { get; init; }

    /// <summary>Third-party markup, only ever written into a sandboxed iframe's srcdoc.</summary>
    public string? ProviderMarkup { get; init; }
}
