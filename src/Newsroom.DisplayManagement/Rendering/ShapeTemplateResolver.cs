using System.Collections.Concurrent;
using System.Reflection.Metadata;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Newsroom.DisplayManagement.Shapes;

[assembly: MetadataUpdateHandler(typeof(Newsroom.DisplayManagement.Rendering.ShapeTemplateResolver))]

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Finds the template of a shape: the first of its alternates (most specific first, then the shape
/// type) that has a view at <c>/Views/Shapes/{name}.cshtml</c> in any application part. Parts are
/// ordered theme-first, so a theme's template at the same path wins over a module's.
/// </summary>
public sealed class ShapeTemplateResolver(IRazorViewEngine viewEngine, IRazorPageFactoryProvider pageFactories)
{
    public const string Folder = "/Views/Shapes/";

    // Hot reload (dotnet watch) may add, remove or recompile views: every resolver starts over.
    private static int s_reloads;

    private readonly ConcurrentDictionary<string, ShapeTemplate?> _templates = new(StringComparer.Ordinal);
    private int _reloadsSeen;

    public static string PathOf(string templateName) => Folder + templateName + ".cshtml";

    /// <summary>The template that renders <paramref name="shape"/>, or null when none of its names has one.</summary>
    public ShapeTemplate? Resolve(Shape shape)
    {
        // The same order as TemplateCandidates(), without its iterators: this runs for every shape
        // rendered. A repeated name costs a second lookup with the same answer, never another result.
        var alternates = shape.Metadata.AlternatesInOrder;
        for (var i = 0; i < alternates.Count; i++)
        {
            if (Find(alternates[i]) is { } template)
            {
                return template;
            }
        }

        return Find(shape.Metadata.Type);
    }

    /// <summary>The view for one template name. Views are compiled, so the answer only changes with a hot reload.</summary>
    public ShapeTemplate? Find(string templateName)
    {
        var reloads = Volatile.Read(ref s_reloads);
        if (reloads != _reloadsSeen)
        {
            _templates.Clear();
            _reloadsSeen = reloads;
        }

        // TryGetValue first: GetOrAdd with a factory that uses this instance would allocate a delegate per lookup.
        return _templates.TryGetValue(templateName, out var known) ? known : _templates.GetOrAdd(templateName, Locate);
    }

    /// <summary>Called by the runtime after a hot reload.</summary>
    internal static void ClearCache(Type[]? _) => Interlocked.Increment(ref s_reloads);

    private ShapeTemplate? Locate(string name)
    {
        var path = PathOf(name);
        var result = viewEngine.GetView(executingFilePath: null, viewPath: path, isMainPage: false);
        if (!result.Success || result.View is not RazorView view)
        {
            return null;
        }

        var factory = pageFactories.CreateFactory(path);
        if (!factory.Success)
        {
            return null;
        }

        var assembly = view.RazorPage.GetType().Assembly.GetName().Name ?? "unknown";
        var pageType = view.RazorPage.GetType();
        return new ShapeTemplate(name, path, assembly, factory.RazorPageFactory, ShapeViewData.For(pageType), ShapePageActivation.For(pageType));
    }
}

/// <summary>A template found for a shape: its name, view path and the assembly (module or theme) it came from.</summary>
public sealed class ShapeTemplate
{
    internal ShapeTemplate(
        string name,
        string path,
        string assembly,
        Func<IRazorPage> createPage,
        Func<ViewDataDictionary, object, ViewDataDictionary> createViewData,
        Action<IRazorPage, ViewContext> activate)
    {
        Name = name;
        Path = path;
        Assembly = assembly;
        CreatePage = createPage;
        CreateViewData = createViewData;
        Activate = activate;
    }

    public string Name { get; }

    public string Path { get; }

    public string Assembly { get; }

    /// <summary>A new instance of the compiled page (pages hold per-render state, so one per render).</summary>
    internal Func<IRazorPage> CreatePage { get; }

    /// <summary>
    /// How many pieces the template wrote last time: its output list starts that large. A template
    /// writes about the same number every time, and a list grown from a few entries made three or
    /// four arrays per shape, the largest share of what a page allocated.
    /// </summary>
    internal int ExpectedPieces { get; private set; } = 8;

    // One unusually long render must not make every later one start with a large list.
    private const int MaxExpectedPieces = 512;

    /// <summary>Remembers how many pieces a render wrote. Without a lock: any recent count will do.</summary>
    internal void RememberPieces(int count) => ExpectedPieces = Math.Clamp(count, 1, MaxExpectedPieces);

    /// <summary>The view data the page's <c>@model</c> type asks for, made once instead of copied twice.</summary>
    internal Func<ViewDataDictionary, object, ViewDataDictionary> CreateViewData { get; }

    /// <summary>Sets the page's injected properties for a render (see <see cref="ShapePageActivation"/>).</summary>
    internal Action<IRazorPage, ViewContext> Activate { get; }
}
