namespace Newsroom.Users.Permissions;

/// <summary>
/// The roles every site starts with and what they may do (issue 4's matrix). Seeded as role claims by
/// the module's migration; <see cref="Administrator"/> is granted every permission, including those of
/// modules added later, by <see cref="UserPermissions"/>.
/// </summary>
public static class StandardRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Contributor = "Contributor";

    public static IReadOnlyList<string> All { get; } = [Administrator, Editor, Author, Contributor];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Matrix { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Administrator] = StandardPermissions.All.Select(p => p.Name)
            .Concat(EditorialTypes.SelectMany(AnyOf))
            .ToList(),
        [Editor] = new[] { StandardPermissions.ViewAdmin, StandardPermissions.ManageBylines, StandardPermissions.UploadMedia }
            .Select(p => p.Name)
            .Concat(EditorialTypes.SelectMany(AnyOf))
            .ToList(),
        [Author] = new[] { StandardPermissions.ViewAdmin.Name, StandardPermissions.UploadMedia.Name }
            .Concat(AuthorOwn("Article"))
            .ToList(),
        [Contributor] = new[] { StandardPermissions.ViewAdmin.Name }
            .Concat(AuthorOwn("Article"))
            .ToList(),
    };

    /// <summary>The types editors manage: articles, the bylines credited on them and related links.</summary>
    private static string[] EditorialTypes => ["Article", "Byline", "RelatedLink"];

    private static IEnumerable<string> AnyOf(string type) =>
        Enum.GetValues<ContentAction>().Select(a => ContentTypePermissions.Any(a, type).Name);

    // Authors write and may delete their own drafts; publishing goes through an editor.
    private static IEnumerable<string> AuthorOwn(string type) =>
        [ContentTypePermissions.Own(ContentAction.Edit, type).Name, ContentTypePermissions.Own(ContentAction.Delete, type).Name];
}
