namespace Newsroom.Recipes;

/// <summary>Finds the recipes shipped with the site (the <c>recipes</c> folder beside the application).</summary>
public sealed class RecipeHarvester(string folder)
{
    public string Folder { get; } = folder;

    public async Task<IReadOnlyList<Recipe>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var recipes = new List<Recipe>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            recipes.Add(await RecipeReader.ReadFileAsync(file, cancellationToken));
        }

        return recipes;
    }

    public async Task<Recipe?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
