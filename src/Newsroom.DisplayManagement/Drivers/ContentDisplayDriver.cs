using Newsroom.ContentManagement;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Drivers;

/// <summary>Builds the shapes of one content item (all drivers run for every item shown).</summary>
public interface IContentDisplayDriver
{
    Task<IDisplayResult?> BuildDisplayAsync(BuildDisplayContext context);
}

/// <summary>
/// A driver for one part (Orchard's ContentPartDisplayDriver): runs only for items that have the
/// part, and returns typed shapes placed by code.
/// </summary>
/// <example>
/// <code>
/// public sealed class ArticlePartDisplayDriver : ContentDisplayDriver&lt;ArticlePart&gt;
/// {
///     public override IDisplayResult? Display(ArticlePart part, BuildDisplayContext context) =>
///         Shape(new ArticleHeadlineViewModel(part.Headline)).Location("Detail", "Header:2");
/// }
/// </code>
/// </example>
public abstract class ContentDisplayDriver<TPart> : IContentDisplayDriver
    where TPart : ContentPart, new()
{
    private static readonly Task<IDisplayResult?> s_nothing = Task.FromResult<IDisplayResult?>(null);

    public Task<IDisplayResult?> BuildDisplayAsync(BuildDisplayContext context) =>
        DisplaysIn(context.DisplayType) && context.ContentItem.Has<TPart>()
            // Peek, not As: a published item's parts are shared by every request reading it (read once
            // for all of them), and a display only reads them.
            ? DisplayAsync(context.ContentItem.Peek<TPart>() ?? new TPart(), context)
            : s_nothing;

    /// <summary>
    /// False for display types this driver never places a shape in: the part is then not even
    /// deserialized (e.g. an article's whole body for each summary in a list). Override it together
    /// with the locations the driver gives; placement.json cannot add a shape a driver did not place.
    /// </summary>
    protected virtual bool DisplaysIn(string displayType) => true;

    /// <summary>
    /// Override this or <see cref="DisplayAsync"/>. The part may be shared with other requests
    /// (see <see cref="ContentItem.Peek{T}(string)"/>): read it, never change it.
    /// </summary>
    public virtual IDisplayResult? Display(TPart part, BuildDisplayContext context) => null;

    public virtual Task<IDisplayResult?> DisplayAsync(TPart part, BuildDisplayContext context) =>
        Task.FromResult(Display(part, context));

    protected static ShapeResult Shape<TShape>(TShape shape) where TShape : Shape => new(shape);

    /// <summary>A shape built only when its location applies to the display type asked for.</summary>
    protected static ShapeResult Shape<TShape>(Func<Task<TShape?>> build) where TShape : Shape =>
        new(Shapes.Shape.DefaultType(typeof(TShape)), async () => await build());

    protected static CombinedResult Combine(params IDisplayResult[] results) => new(results);
}
