namespace Newsroom.Modules.Shells;

/// <summary>The site's choice of features and themes, as stored in the database.</summary>
public sealed record ShellDescriptor
{
    public IReadOnlyList<string> Features { get; init; } = [];

    public string? SiteTheme { get; init; }

    public string? AdminTheme { get; init; }

    /// <summary>Increases on every change; nodes compare it to notice a change made by another node.</summary>
    public long Version { get; init; }

    /// <summary>True until a setup recipe has run: the site has no features and no content yet.</summary>
    public bool IsUninitialized => Version == 0;
}
