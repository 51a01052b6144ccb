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
}
