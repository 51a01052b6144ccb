using System.Reflection;

namespace Newsroom.Modules;

/// <summary>What the host knows about one module: its manifest and where its code lives.</summary>
public sealed class ModuleInfo
{
    public ModuleInfo(ModuleAttribute manifest, Assembly? assembly)
    {
        Manifest = manifest;
        Assembly = assembly;
    }

    public ModuleAttribute Manifest { get; }

    public Assembly? Assembly { get; }

    public string Id => Manifest.Id;

    public string Name => Manifest.Name;

    public IReadOnlyList<string> Dependencies => Manifest.Dependencies;

    public bool IsTheme => Manifest is ThemeAttribute;

    public bool IsAdminTheme => Manifest is ThemeAttribute { IsAdminTheme: true };

    /// <summary>The module's startups, in declaration order (most modules have one).</summary>
    public IReadOnlyList<StartupBase> CreateStartups() =>
        Assembly is null
            ? []
            : Assembly.GetExportedTypes()
                .Where(t => typeof(StartupBase).IsAssignableFrom(t) && !t.IsAbstract)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (StartupBase)Activator.CreateInstance(t)!)
                .ToList();

    public override string ToString() => Id;
}
