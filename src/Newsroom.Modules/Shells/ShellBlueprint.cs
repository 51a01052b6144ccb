namespace Newsroom.Modules.Shells;

/// <summary>What a shell is built from: the descriptor resolved against the module catalog.</summary>
public sealed class ShellBlueprint(ShellDescriptor descriptor, ModuleCatalog catalog)
{
    public ShellDescriptor Descriptor { get; } = descriptor;

    public ModuleCatalog Catalog { get; } = catalog;

    /// <summary>Enabled modules and themes with their dependencies, dependencies first.</summary>
    public IReadOnlyList<ModuleInfo> EnabledModules { get; } = catalog.Resolve(
        descriptor.Features
            .Concat(descriptor.SiteTheme is null ? [] : [descriptor.SiteTheme])
            .Concat(descriptor.AdminTheme is null ? [] : [descriptor.AdminTheme]));

    public ModuleInfo? SiteTheme => Descriptor.SiteTheme is null ? null : Catalog.Find(Descriptor.SiteTheme);

    public ModuleInfo? AdminTheme => Descriptor.AdminTheme is null ? null : Catalog.Find(Descriptor.AdminTheme);

    public bool IsEnabled(string moduleId) => EnabledModules.Any(m => m.Id == moduleId);
}
