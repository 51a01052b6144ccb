using System.Text.Json;
using Microsoft.Extensions.Logging;
using Newsroom.ContentManagement;
using Newsroom.Data;

namespace Newsroom.Recipes;

/// <summary>
/// Runs a recipe's steps in one transaction: every step succeeds or nothing is kept. Work a step
/// defers with <see cref="RecipeStepContext.AfterCommit"/> runs after the commit.
/// </summary>
public sealed class RecipeExecutor(NewsroomDbContext db, IEnumerable<IRecipeStepHandler> handlers, ILogger<RecipeExecutor> logger)
{
    private readonly Dictionary<string, IRecipeStepHandler> _handlers =
        handlers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public Task ExecuteAsync(Recipe recipe, CancellationToken cancellationToken = default) => ExecuteAsync(recipe, null, cancellationToken);

    /// <param name="recipe">The recipe to run.</param>
    /// <param name="alsoInTransaction">More work that must commit or fail together with the recipe.</param>
    /// <param name="cancellationToken">Cancels the run (nothing is kept).</param>
    public async Task ExecuteAsync(Recipe recipe, Func<Task>? alsoInTransaction, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A recipe runs in its own transaction; do not start one around it.");
        }

        // Refuse unknown steps before anything runs.
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var name = StepName(recipe, i);
            if (!_handlers.ContainsKey(name))
            {
                throw new RecipeException(recipe.Name, i + 1, name, "name", $"there is no step named '{name}'. Known steps: {string.Join(", ", _handlers.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
            }
        }

        var afterCommit = new List<Func<Task>>();
        await db.InTransactionAsync(
            async () =>
            {
                for (var i = 0; i < recipe.Steps.Count; i++)
                {
                    var name = StepName(recipe, i);
                    var context = new RecipeStepContext(recipe, recipe.Steps[i], i + 1, afterCommit, cancellationToken);
                    try
                    {
                        await _handlers[name].ExecuteAsync(context);
                    }
                    catch (Exception ex) when (ex is not RecipeException and not OperationCanceledException)
                    {
                        throw Describe(recipe, i + 1, name, ex);
                    }
                }

                if (alsoInTransaction is not null)
                {
                    await alsoInTransaction();
                }
            },
            cancellationToken);

        foreach (var work in afterCommit)
        {
            await work();
        }

        logger.LogInformation("Recipe {Recipe} ran {Steps} steps", recipe.Name, recipe.Steps.Count);
    }

    private static string StepName(Recipe recipe, int index) => recipe.Steps[index]["name"]!.GetValue<string>();

    private static RecipeException Describe(Recipe recipe, int index, string step, Exception ex) => ex switch
    {
        RecipeStepException field => new RecipeException(recipe.Name, index, step, field.Field, field.Message, ex),
        JsonException json => new RecipeException(recipe.Name, index, step, json.Path?.TrimStart('$', '.'), json.Message, ex),
        ContentValidationException invalid => new RecipeException(recipe.Name, index, step, string.Join(", ", invalid.Errors.Select(e => e.Field)), invalid.Message, ex),
        _ => new RecipeException(recipe.Name, index, step, null, ex.Message, ex),
    };
}
