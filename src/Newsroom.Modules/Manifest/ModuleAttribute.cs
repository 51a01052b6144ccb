namespace Newsroom.Modules;

/// <summary>
/// Marks an assembly as a Newsroom module. Put it in the module's <c>Manifest.cs</c>:
/// <code>
/// [assembly: Module("Newsroom.Articles", Name = "Articles", Category = "Content",
///     Dependencies = ["Newsroom.Contents"])]
/// </code>
/// A module is also the unit that is enabled or disabled per site (a feature).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public class ModuleAttribute(string id) : Attribute
{
    public string Id { get; } = id;

    public string Name { get; set; } = id;

    public string Description { get; set; } = "";

    public string Category { get; set; } = "General";

    /// <summary>Ids of the modules this one needs. Enabling this module enables them too.</summary>
    public string[] Dependencies { get; set; } = [];

    /// <summary>A module that can never be disabled (the site cannot work without it).</summary>
    public bool AlwaysEnabled { get; set; }
}

/// <summary>Marks an assembly as a theme: a module whose views win over every other module's.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ThemeAttribute(string id) : ModuleAttribute(id)
{
    /// <summary>True for the admin theme; false for a public site theme.</summary>
    public bool IsAdminTheme { get; set; }
}
