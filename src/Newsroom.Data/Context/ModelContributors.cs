using System.Reflection;
using Newsroom.Modules;

namespace Newsroom.Data;

/// <summary>The model contributors of the core libraries and every module in the catalog.</summary>
public sealed class ModelContributors
{
    public ModelContributors(IEnumerable<Assembly> assemblies)
    {
        All = assemblies
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IModelContributor).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IModelContributor)Activator.CreateInstance(t)!)
            .ToList();
    }

    public IReadOnlyList<IModelContributor> All { get; }

    /// <summary>The core libraries (loaded with Newsroom.Data) plus the catalog's modules.</summary>
    public static ModelContributors From(ModuleCatalog catalog) =>
        new(CoreAssemblies.All.Concat(catalog.Modules.Select(m => m.Assembly).OfType<Assembly>()));
}

/// <summary>
/// Libraries that are not modules but own tables (Newsroom.Data, Newsroom.ContentManagement, ...).
/// They register themselves by name so this project does not reference them.
/// </summary>
public static class CoreAssemblies
{
    private static readonly string[] s_names = ["Newsroom.Data", "Newsroom.ContentManagement", "Newsroom.Recipes", "Newsroom.DisplayManagement"];

    public static IReadOnlyList<Assembly> All { get; } = s_names
        .Select(name =>
        {
            try
            {
                return Assembly.Load(name);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
        })
        .OfType<Assembly>()
        .ToList();
}
