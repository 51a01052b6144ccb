using Newsroom.Data;

namespace Newsroom.Recipes.Steps;

/// <summary>
/// <c>{ "name": "media", "files": [ { "path": "sample/a.jpg", "source": "media/a.jpg" } ] }</c>: copies files
/// shipped beside the recipe into the media store, once the recipe has committed.
/// </summary>
public sealed class MediaStep(NewsroomDataPath dataPath) : IRecipeStepHandler
{
    public string Name => "media";

    public Task ExecuteAsync(RecipeStepContext context)
    {
        var model = context.Bind<MediaStepModel>();
        var root = Path.GetFullPath(dataPath.Media) + Path.DirectorySeparatorChar;
        var copies = new List<(string From, string To)>();
        for (var i = 0; i < model.Files.Count; i++)
        {
            var file = model.Files[i];
            var target = Path.GetFullPath(Path.Combine(root, file.Path ?? ""));
            if (string.IsNullOrWhiteSpace(file.Path) || !target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new RecipeStepException($"files[{i}].path", "must be a relative path inside the media store.");
            }

            var source = Path.GetFullPath(Path.Combine(context.Recipe.BasePath ?? "", file.Source ?? ""));
            if (string.IsNullOrWhiteSpace(file.Source) || !File.Exists(source))
            {
                throw new RecipeStepException($"files[{i}].source", $"the file '{file.Source}' is not beside the recipe.");
            }

            copies.Add((source, target));
        }

        context.AfterCommit(async () =>
        {
            foreach (var (from, to) in copies)
            {
                if (File.Exists(to) && new FileInfo(to).Length == new FileInfo(from).Length)
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                var temporary = to + ".tmp";
                await using (var source = File.OpenRead(from))
                await using (var destination = File.Create(temporary))
                {
                    await source.CopyToAsync(destination);
                }

                File.Move(temporary, to, overwrite: true);
            }
        });
        return Task.CompletedTask;
    }

    private sealed class MediaStepModel
    {
        public List<MediaFile> Files { get; set; } = [];
    }

    private sealed class MediaFile
    {
        public string? Path { get; set; }

        public string? Source { get; set; }
    }
}
