using Newsroom.ContentManagement;

namespace Newsroom.Articles.Services;

/// <summary>
/// Reads parts in handlers without caching them on the item. Validation handlers change parts
/// through <see cref="ContentManagement.Handlers.ValidateContentContext.Part{T}"/> instead, which writes a part back
/// only when it really changed.
/// </summary>
public static class ContentParts
{
    /// <summary>A fresh copy of the part named after <typeparamref name="T"/>, or null when the item has none.</summary>
    public static T? Read<T>(ContentItem item) where T : ContentPart => item.Copy<T>(typeof(T).Name);

    /// <summary>The part named after <typeparamref name="T"/> as it stands (see <see cref="ContentItem.Peek{T}"/>): for reading only.</summary>
    public static T? Peek<T>(ContentItem item) where T : ContentPart => item.Peek<T>(typeof(T).Name);
}
