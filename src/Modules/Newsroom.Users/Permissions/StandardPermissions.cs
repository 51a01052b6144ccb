namespace Newsroom.Users.Permissions;

/// <summary>The site-wide permissions. Content permissions are per type: see <see cref="ContentTypePermissions"/>.</summary>
public static class StandardPermissions
{
    public static readonly Permission ViewAdmin = new(nameof(ViewAdmin), "Open the admin");
    public static readonly Permission ManageUsers = new(nameof(ManageUsers), "Create, disable and assign roles to users");
    public static readonly Permission ManageSettings = new(nameof(ManageSettings), "Change site settings");
    public static readonly Permission ManageFeatures = new(nameof(ManageFeatures), "Enable and disable features");
    public static readonly Permission ManageAdSlots = new(nameof(ManageAdSlots), "Edit advertisement slots");
    public static readonly Permission ManageBylines = new(nameof(ManageBylines), "Create and edit bylines");
    public static readonly Permission UploadMedia = new(nameof(UploadMedia), "Upload images to the media library");

    public static IReadOnlyList<Permission> All { get; } =
        [ViewAdmin, ManageUsers, ManageSettings, ManageFeatures, ManageAdSlots, ManageBylines, UploadMedia];
}
