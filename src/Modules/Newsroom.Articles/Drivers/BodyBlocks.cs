using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.Drivers;

/// <summary>
/// Turns one kind of body block into a shape. Modules that add block kinds (related links, ad
/// slots) register one with <c>services.AddScoped&lt;IBodyBlockDisplayDriver, X&gt;()</c>.
/// </summary>
public interface IBodyBlockDisplayDriver
{
    /// <summary>The block's shape, or null when this driver does not handle it (or it must not show).</summary>
    Task<Shape?> DisplayAsync(BodyBlock block, BodyDisplayContext context);
}

/// <summary>
/// Rearranges the blocks before they are displayed, e.g. inserts automatic ad slots. Runs on a
/// copy for one request; the stored body never changes.
/// </summary>
public interface IBodyLayoutFilter
{
    Task<IReadOnlyList<BodyBlock>> ArrangeAsync(IReadOnlyList<BodyBlock> blocks, BodyDisplayContext context);
}

public sealed class BodyDisplayContext(ContentItem contentItem, ArticlePart article, IServiceProvider services)
{
    public ContentItem ContentItem { get; } = contentItem;

    public ArticlePart Article { get; } = article;

    public IServiceProvider Services { get; } = services;
}

/// <summary>
/// Returned by a block driver that handles a block which must not show (e.g. a related link to an
/// unpublished article): no other driver tries it, and nothing is rendered.
/// </summary>
public sealed class HiddenBlockShape : Shape
{
    public static HiddenBlockShape Instance => new();
}
