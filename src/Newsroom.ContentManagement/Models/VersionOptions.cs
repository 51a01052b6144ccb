namespace Newsroom.ContentManagement;

/// <summary>Which version of an item to load.</summary>
public sealed class VersionOptions
{
    private VersionOptions(string name, bool includeDeleted = false)
    {
        Name = name;
        IncludeDeleted = includeDeleted;
    }

    public string Name { get; }

    public bool IncludeDeleted { get; }

    /// <summary>The version readers see; none when unpublished or deleted.</summary>
    public static VersionOptions Published { get; } = new("Published");

    /// <summary>The newest version, published or draft.</summary>
    public static VersionOptions Latest { get; } = new("Latest");

    /// <summary>The newest version only when it is not the published one.</summary>
    public static VersionOptions Draft { get; } = new("Draft");

    /// <summary>The newest version, even of a deleted item (the trash).</summary>
    public static VersionOptions LatestIncludingDeleted { get; } = new("Latest", includeDeleted: true);

    public bool IsPublished => Name == "Published";

    public bool IsDraft => Name == "Draft";

    public override string ToString() => Name;
}
