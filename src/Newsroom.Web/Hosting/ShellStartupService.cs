using Newsroom.Web.Shell;
using Newsroom.Data;
using Newsroom.Modules;
using Newsroom.Modules.Shells;
using Newsroom.Recipes;

namespace Newsroom.Web.Hosting;

/// <summary>
/// Starts the shell before the server takes requests. On an empty database it first picks the
/// setup recipe's features, so the shell that runs the recipe has every module the recipe needs.
/// </summary>
internal sealed class ShellStartupService(ShellHost shellHost, DbShellDescriptorStore descriptors, ModuleCatalog catalog, IConfiguration configuration, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var descriptor = await descriptors.LoadAsync(cancellationToken);
        if (descriptor.IsUninitialized)
        {
            var harvester = new RecipeHarvester(NewsroomShellConfigurator.RecipesFolder);
            var name = configuration["Newsroom:Setup:Recipe"] is { Length: > 0 } n ? n : SetupService.DefaultRecipe;
            var recipe = await harvester.FindAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"Newsroom:Setup:Recipe '{name}' was not found among the recipes in '{harvester.Folder}'.");
            await descriptors.SaveAsync(SetupDescriptor(recipe), clock, cancellationToken);
        }

        await shellHost.StartAsync(cancellationToken);
        await using var scope = shellHost.Current.ServiceProvider.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<SetupService>();
        if (!await setup.IsSetUpAsync(cancellationToken))
        {
            await setup.SetupAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => shellHost.DisposeAsync().AsTask();

    private ShellDescriptor SetupDescriptor(Recipe recipe)
    {
        var features = new List<string>();
        string? siteTheme = null, adminTheme = null;
        foreach (var step in recipe.Steps)
        {
            var name = step["name"]!.GetValue<string>();
            if (string.Equals(name, "feature", StringComparison.OrdinalIgnoreCase) && step["enable"] is System.Text.Json.Nodes.JsonArray enable)
            {
                features.AddRange(enable.Select(e => e?.GetValue<string>()).OfType<string>());
            }
            else if (string.Equals(name, "themes", StringComparison.OrdinalIgnoreCase))
            {
                siteTheme = step["site"]?.GetValue<string>() ?? siteTheme;
                adminTheme = step["admin"]?.GetValue<string>() ?? adminTheme;
            }
        }

        // Stored exactly as the recipe's feature step will store it, so the step finds nothing to change.
        var resolved = catalog.Resolve(features).Where(m => !m.IsTheme).Select(m => m.Id).ToList();
        return new ShellDescriptor { Features = resolved, SiteTheme = siteTheme, AdminTheme = adminTheme };
    }
}
