namespace Newsroom.Recipes;

/// <summary>
/// A recipe could not be read or run. Nothing it would have written was kept. The message names
/// the recipe, the step (index from 1, and name) and the field when known.
/// </summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string recipe, int? stepIndex, string? stepName, string? field, string problem, Exception? inner = null)
        : base(Describe(recipe, stepIndex, stepName, field, problem), inner)
    {
        Recipe = recipe;
        StepIndex = stepIndex;
        StepName = stepName;
        Field = field;
        Problem = problem;
    }

    public string Recipe { get; }

    /// <summary>1-based index of the step, or null when the recipe as a whole is at fault.</summary>
    public int? StepIndex { get; }

    public string? StepName { get; }

    /// <summary>JSON path of the faulty value inside the step, e.g. <c>data[3].ArticlePart.Headline</c>.</summary>
    public string? Field { get; }

    public string Problem { get; }

    private static string Describe(string recipe, int? stepIndex, string? stepName, string? field, string problem)
    {
        var where = $"Recipe '{recipe}'";
        if (stepIndex is not null)
        {
            where += string.IsNullOrEmpty(stepName) ? $", step {stepIndex}" : $", step {stepIndex} ('{stepName}')";
        }

        if (!string.IsNullOrEmpty(field))
        {
            where += $", field '{field}'";
        }

        return $"{where}: {problem}";
    }
}

/// <summary>Thrown by a step handler to say which field of the step is wrong.</summary>
public sealed class RecipeStepException(string field, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Field { get; } = field;
}
