namespace Newsroom.Users.Permissions;

/// <summary>What is done to a content item; combined with ownership it picks the type's permission.</summary>
public enum ContentAction
{
    Edit,
    Publish,
    Delete,
}

/// <summary>
/// Per-content-type permissions, Orchard-style: "<c>{Action}Own{Type}</c>" for items the user owns and
/// "<c>{Action}Any{Type}</c>" for everyone's (which implies the "own" one), e.g. EditOwnArticle, PublishAnyArticle.
/// </summary>
public static class ContentTypePermissions
{
    public static Permission Any(ContentAction action, string contentType) =>
        new($"{action}Any{contentType}", $"{action} any {contentType}");

    public static Permission Own(ContentAction action, string contentType) =>
        new($"{action}Own{contentType}", $"{action} own {contentType}", [Any(action, contentType)]);

    /// <summary>The permission needed to do <paramref name="action"/> on an item, given whether the user owns it.</summary>
    public static Permission For(ContentAction action, string contentType, bool owner) =>
        owner ? Own(action, contentType) : Any(action, contentType);
}

/// <summary>Resource-based check: "may this user do <see cref="Action"/> to this content item?".</summary>
public sealed class ContentRequirement(ContentAction action) : Microsoft.AspNetCore.Authorization.IAuthorizationRequirement
{
    public ContentAction Action { get; } = action;
}
