using System.Reflection;

namespace Newsroom.Modules;

/// <summary>
/// Every module the host can run, ordered so that a module always comes after its dependencies.
/// Built once at start-up; a missing dependency or a cycle refuses to start with the modules named.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, ModuleInfo> _byId;

    private ModuleCatalog(IReadOnlyList<ModuleInfo> ordered)
    {
        Modules = ordered;
        _byId = ordered.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>All modules, dependencies first.</summary>
    public IReadOnlyList<ModuleInfo> Modules { get; }

    public ModuleInfo? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds the modules among the assemblies of the application (the host's folder).</summary>
    public static ModuleCatalog Discover(string? baseDirectory = null)
    {
        baseDirectory ??= AppContext.BaseDirectory;
        var modules = new List<ModuleInfo>();
        foreach (var file in Directory.EnumerateFiles(baseDirectory, "Newsroom.*.dll").Order(StringComparer.Ordinal))
        {
            var name = AssemblyName.GetAssemblyName(file);
            var assembly = Assembly.Load(name);
            if (assembly.GetCustomAttribute<ModuleAttribute>() is { } manifest)
            {
                modules.Add(new ModuleInfo(manifest, assembly));
            }
        }

        return Create(modules);
    }

    /// <summary>Orders the given modules; throws <see cref="ModuleDependencyException"/> on a missing dependency or a cycle.</summary>
    public static ModuleCatalog Create(IEnumerable<ModuleInfo> modules)
    {
        var byId = new Dictionary<string, ModuleInfo>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (!byId.TryAdd(module.Id, module))
            {
                throw new ModuleDependencyException($"Two modules have the id '{module.Id}'.");
            }
        }

        var missing = byId.Values
            .SelectMany(m => m.Dependencies.Where(d => !byId.ContainsKey(d)).Select(d => $"'{m.Id}' depends on '{d}', which is not present"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ModuleDependencyException("Missing module dependencies: " + string.Join("; ", missing) + ".");
        }

        var ordered = new List<ModuleInfo>(byId.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = visiting, true = done
        foreach (var id in byId.Keys.Order(StringComparer.Ordinal))
        {
            Visit(id, []);
        }

        return new ModuleCatalog(ordered);

        void Visit(string id, List<string> path)
        {
            if (state.TryGetValue(id, out var done))
            {
                if (!done)
                {
                    var cycle = path.Skip(path.IndexOf(id)).Append(id);
                    throw new ModuleDependencyException("Module dependency cycle: " + string.Join(" -> ", cycle) + ".");
                }

                return;
            }

            state[id] = false;
            path.Add(id);
            foreach (var dependency in byId[id].Dependencies.Order(StringComparer.Ordinal))
            {
                Visit(dependency, path);
            }

            path.RemoveAt(path.Count - 1);
            state[id] = true;
            ordered.Add(byId[id]);
        }
    }

    /// <summary>
    /// The set of modules that are on when <paramref name="requested"/> are: their dependencies are
    /// added, and modules marked always-enabled are always in. Returned in dependency order.
    /// </summary>
    public IReadOnlyList<ModuleInfo> Resolve(IEnumerable<string> requested)
    {
        var on = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(requested.Concat(Modules.Where(m => m.Manifest.AlwaysEnabled).Select(m => m.Id)));
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (_byId.TryGetValue(id, out var module) && on.Add(id))
            {
                foreach (var dependency in module.Dependencies)
                {
                    stack.Push(dependency);
                }
            }
        }

        return Modules.Where(m => on.Contains(m.Id)).ToList();
    }

    /// <summary>Modules that depend, directly or not, on <paramref name="id"/>.</summary>
    public IReadOnlyList<ModuleInfo> Dependents(string id)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { id };
        foreach (var module in Modules)
        {
            if (module.Dependencies.Any(result.Contains))
            {
                result.Add(module.Id);
            }
        }

        result.Remove(id);
        return Modules.Where(m => result.Contains(m.Id)).ToList();
    }
}
