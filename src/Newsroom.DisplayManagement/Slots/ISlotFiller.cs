using Microsoft.AspNetCore.Http;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Slots;

/// <summary>
/// Puts a shape in a named slot of the theme's page templates, so a module shows something on every
/// page (an ad in the header, a newsletter box in the sidebar) without the theme referencing the
/// module. The theme names the slots (<c>@await Html.SlotAsync("Sidebar")</c>); every filler of the
/// shell is asked, in registration order, and each shape returned is rendered with its template.
/// A module that is turned off takes its fillers with it, and the slot renders nothing.
/// </summary>
/// <example>
/// <code>
/// internal sealed class NewsletterSlotFiller : ISlotFiller
/// {
///     public ValueTask&lt;Shape?&gt; FillAsync(string slot, HttpContext context) =>
///         ValueTask.FromResult&lt;Shape?&gt;(slot == "Sidebar" ? new NewsletterSignupViewModel() : null);
/// }
/// // Startup: services.AddScoped&lt;ISlotFiller, NewsletterSlotFiller&gt;();
/// </code>
/// </example>
public interface ISlotFiller
{
    /// <summary>The shape for <paramref name="slot"/> on this request's page, or null to leave it to others.</summary>
    ValueTask<Shape?> FillAsync(string slot, HttpContext context);
}
