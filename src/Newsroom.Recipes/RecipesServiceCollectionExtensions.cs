using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Recipes.Steps;

namespace Newsroom.Recipes;

public static class RecipesServiceCollectionExtensions
{
    public static IServiceCollection AddRecipes(this IServiceCollection services, string recipesFolder)
    {
        services.TryAddSingleton(new RecipeHarvester(recipesFolder));
        services.TryAddScoped<RecipeExecutor>();
        services.TryAddScoped<SetupService>();
        services.AddRecipeStep<FeatureStep>();
        services.AddRecipeStep<ThemesStep>();
        services.AddRecipeStep<SettingsStep>();
        services.AddRecipeStep<ContentDefinitionStep>();
        services.AddRecipeStep<ContentStep>();
        services.AddRecipeStep<MediaStep>();
        return services;
    }

    public static IServiceCollection AddRecipeStep<TStep>(this IServiceCollection services) where TStep : class, IRecipeStepHandler =>
        services.AddScoped<IRecipeStepHandler, TStep>();
}
