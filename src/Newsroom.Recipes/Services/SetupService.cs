using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Newsroom.Data;

namespace Newsroom.Recipes;

/// <summary>First run: runs the setup recipe once, then applies the configured site name and time zone.</summary>
public sealed class SetupService(RecipeExecutor executor, RecipeHarvester harvester, IDocumentStore documents, IConfiguration configuration, ILogger<SetupService> logger)
{
    public const string DefaultRecipe = "newsroom";

    public string RecipeName => configuration["Newsroom:Setup:Recipe"] is { Length: > 0 } name ? name : DefaultRecipe;

    public async Task<Recipe> FindSetupRecipeAsync(CancellationToken cancellationToken)
    {
        var recipe = await harvester.FindAsync(RecipeName, cancellationToken);
        return recipe ?? throw new InvalidOperationException(
            $"Newsroom:Setup:Recipe '{RecipeName}' was not found among the recipes in '{harvester.Folder}'.");
    }

    public async Task<bool> IsSetUpAsync(CancellationToken cancellationToken) =>
        (await documents.GetForUpdateAsync<SiteSettings>(cancellationToken)).SetupCompleted;

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        var recipe = await FindSetupRecipeAsync(cancellationToken);
        await executor.ExecuteAsync(
            recipe,
            async () =>
            {
                var settings = await documents.GetForUpdateAsync<SiteSettings>(cancellationToken);
                settings.SiteName = configuration["Newsroom:Setup:SiteName"] is { Length: > 0 } siteName ? siteName : settings.SiteName;
                settings.TimeZone = configuration["Newsroom:Setup:TimeZone"] is { Length: > 0 } zone ? zone : settings.TimeZone;
                settings.SetupCompleted = true;
                await documents.SaveAsync(settings, cancellationToken);
            },
            cancellationToken);
        logger.LogInformation("The site was set up from the recipe {Recipe}", recipe.Name);
    }
}
