using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Razor;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Finds the template of a shape: the first of its alternates (most specific first, then the shape
/// type) that has a view at <c>/Views/Shapes/{name}.cshtml</c> in any application part. Parts are
/// ordered theme-first, so a theme's template at the same path wins over a module's.
/// </summary>
public sealed class ShapeTemplateResolver(IRazorViewEngine viewEngine)
{
    public const string Folder = "/Views/Shapes/";

    private readonly ConcurrentDictionary<string, ShapeTemplate?> _templates = new(StringComparer.Ordinal);

    public static string PathOf(string templateName) => Folder + templateName + ".cshtml";

    /// <summary>The template that renders <paramref name="shape"/>, or null when none of its names has one.</summary>
    public ShapeTemplate? Resolve(Shape shape)
    {
        // The same order as TemplateCandidates(), without its iterators: this runs for every shape
        // rendered. A repeated name costs a second lookup with the same answer, never another result.
        var alternates = shape.Metadata.Alternates;
        for (var i = 0; i < alternates.Count; i++)
        {
            if (Find(alternates[i]) is { } template)
            {
                return template;
            }
        }

        return Find(shape.Metadata.Type);
    }

    /// <summary>The view for one template name. Views are compiled, so the answer never changes for a shell.</summary>
    public ShapeTemplate? Find(string templateName) =>
        // TryGetValue first: GetOrAdd with a factory that uses this instance would allocate a delegate per lookup.
        _templates.TryGetValue(templateName, out var known) ? known : _templates.GetOrAdd(templateName, Locate);

    private ShapeTemplate? Locate(string name)
    {
        var path = PathOf(name);
        var result = viewEngine.GetView(executingFilePath: null, viewPath: path, isMainPage: false);
        if (!result.Success)
        {
            return null;
        }

        var assembly = (result.View as RazorView)?.RazorPage.GetType().Assembly.GetName().Name ?? "unknown";
        return new ShapeTemplate(name, path, assembly);
    }
}

/// <summary>A template found for a shape: its name, view path and the assembly (module or theme) it came from.</summary>
public sealed record ShapeTemplate(string Name, string Path, string Assembly);
