using System.Text.Json;
using System.Text.Json.Nodes;
using Newsroom.ContentManagement;

namespace Newsroom.Recipes;

/// <summary>
/// Runs one kind of recipe step. Modules add their own with
/// <c>services.AddRecipeStep&lt;MyStep&gt;()</c>. A step writes through the scoped services, which share
/// the recipe's transaction; throw <see cref="RecipeStepException"/> to name the faulty field.
/// </summary>
/// <example>
/// <code>
/// public sealed class RolesStep(RoleManager&lt;Role&gt; roles) : IRecipeStepHandler
/// {
///     public string Name => "roles";
///     public async Task ExecuteAsync(RecipeStepContext context) { var model = context.Bind&lt;RolesStepModel&gt;(); ... }
/// }
/// </code>
/// </example>
public interface IRecipeStepHandler
{
    /// <summary>The step's <c>name</c> in the recipe (compared ignoring case).</summary>
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context);
}

public sealed class RecipeStepContext(Recipe recipe, JsonObject step, int index, List<Func<Task>> afterCommit, CancellationToken cancellationToken)
{
    public Recipe Recipe { get; } = recipe;

    public JsonObject Step { get; } = step;

    /// <summary>1-based position of the step in the recipe.</summary>
    public int Index { get; } = index;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Work that must only happen once the recipe's transaction has committed (files, shell reload).</summary>
    public void AfterCommit(Func<Task> work) => afterCommit.Add(work);

    /// <summary>Reads the step into <typeparamref name="T"/>; a wrong type is reported with its JSON path.</summary>
    public T Bind<T>() where T : new()
    {
        try
        {
            return Step.Deserialize<T>(ContentJson.Options) ?? new T();
        }
        catch (JsonException ex)
        {
            throw new RecipeStepException(ex.Path?.TrimStart('$', '.') ?? "", ex.Message, ex);
        }
    }
}
