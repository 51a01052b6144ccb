using Newsroom.Data;
using Newsroom.Modules.Shells;

namespace Newsroom.Recipes.Steps;

/// <summary><c>{ "name": "feature", "enable": ["Newsroom.Articles"], "disable": [] }</c></summary>
public sealed class FeatureStep(ShellFeatureManager features, ShellHost shellHost) : IRecipeStepHandler
{
    public string Name => "feature";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var model = context.Bind<FeatureStepModel>();
        var changed = false;
        try
        {
            changed |= await features.EnableAsync(model.Enable, context.CancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new RecipeStepException("enable", ex.Message, ex);
        }

        try
        {
            changed |= await features.DisableAsync(model.Disable, context.CancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new RecipeStepException("disable", ex.Message, ex);
        }

        if (changed)
        {
            context.AfterCommit(() => shellHost.ReloadAsync(CancellationToken.None));
        }
    }

    private sealed class FeatureStepModel
    {
        public List<string> Enable { get; set; } = [];

        public List<string> Disable { get; set; } = [];
    }
}

/// <summary><c>{ "name": "themes", "site": "Newsroom.Theme", "admin": "Newsroom.AdminTheme" }</c></summary>
public sealed class ThemesStep(ShellFeatureManager features, ShellHost shellHost) : IRecipeStepHandler
{
    public string Name => "themes";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var model = context.Bind<ThemesStepModel>();
        bool changed;
        try
        {
            changed = await features.SetThemesAsync(model.Site, model.Admin, context.CancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new RecipeStepException(model.Site is null ? "admin" : "site", ex.Message, ex);
        }

        if (changed)
        {
            context.AfterCommit(() => shellHost.ReloadAsync(CancellationToken.None));
        }
    }

    private sealed class ThemesStepModel
    {
        public string? Site { get; set; }

        public string? Admin { get; set; }
    }
}
