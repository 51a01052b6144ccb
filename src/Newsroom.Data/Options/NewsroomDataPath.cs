namespace Newsroom.Data;

/// <summary>The data folder, resolved and checked to be writable at start-up.</summary>
public sealed class NewsroomDataPath
{
    public NewsroomDataPath(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Media => Path.Combine(Root, "media");

    public string Keys => Path.Combine(Root, "keys");

    /// <summary>Resolves <paramref name="configured"/> against the content root, creates it, and proves it can be written.</summary>
    public static NewsroomDataPath Prepare(string configured, string contentRoot)
    {
        var root = Path.GetFullPath(Path.Combine(contentRoot, configured));
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Newsroom:DataPath '{root}' cannot be written: {ex.Message} Set Newsroom:DataPath to a folder this process may write.", ex);
        }

        return new NewsroomDataPath(root);
    }
}
