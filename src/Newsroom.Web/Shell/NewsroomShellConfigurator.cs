using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.DisplayManagement;
using Newsroom.Modules;
using Newsroom.Modules.Shells;
using Newsroom.Recipes;

namespace Newsroom.Web.Shell;

/// <summary>What every shell has, whatever its features: data, content, recipes and MVC.</summary>
internal sealed class NewsroomShellConfigurator(NewsroomDatabase database, NewsroomDataPath dataPath) : IShellConfigurator
{
    public static string RecipesFolder => Path.Combine(AppContext.BaseDirectory, "recipes");

    public void ConfigureServices(IServiceCollection services, ShellBlueprint blueprint)
    {
        services.AddSingleton(dataPath);
        services.AddNewsroomData(database);
        services.AddContentManagement();
        services.AddRecipes(RecipesFolder);
        services.AddDisplayManagement();
        services.AddScoped<IShellActivatedHandler, MigrationsActivatedHandler>();
        services.AddControllersWithViews()
            .ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Clear();
                foreach (var assembly in PartOrder(blueprint))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            });
    }

    public void ConfigurePipeline(IApplicationBuilder app, ShellBlueprint blueprint)
    {
    }

    /// <summary>
    /// When two parts have a view at the same path the first wins: the active theme first, then
    /// modules that depend on others before those they depend on.
    /// </summary>
    private static IEnumerable<System.Reflection.Assembly> PartOrder(ShellBlueprint blueprint)
    {
        var themes = new[] { blueprint.SiteTheme, blueprint.AdminTheme }.OfType<ModuleInfo>();
        var modules = blueprint.EnabledModules.Where(m => !m.IsTheme).Reverse();
        return themes.Concat(modules).Select(m => m.Assembly).OfType<System.Reflection.Assembly>()
            .Append(typeof(NewsroomShellConfigurator).Assembly)
            .Distinct();
    }
}
