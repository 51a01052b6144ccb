using System.Text.Json.Nodes;

namespace Newsroom.ContentManagement.Metadata;

/// <summary>All content types and parts of the site, stored as one document.</summary>
public sealed class ContentDefinitionDocument
{
    public List<ContentTypeDefinition> Types { get; set; } = [];

    public List<ContentPartDefinition> Parts { get; set; } = [];
}

public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public ContentTypeSettings Settings { get; set; } = new();

    public List<ContentTypePartDefinition> Parts { get; set; } = [];

    public bool HasPart(string partName) => Parts.Exists(p => p.Name == partName);
}

/// <summary>What the admin and the content manager may do with items of a type.</summary>
public sealed class ContentTypeSettings
{
    /// <summary>Editors may create items of this type from the admin.</summary>
    public bool Creatable { get; set; }

    /// <summary>Items of this type appear in the admin content list.</summary>
    public bool Listable { get; set; }

    /// <summary>Items can be saved as drafts before they are published.</summary>
    public bool Draftable { get; set; }

    /// <summary>Every save keeps the previous version (revision history).</summary>
    public bool Versionable { get; set; }

    /// <summary>Items have their own permissions per type (edit own / edit any ...).</summary>
    public bool Securable { get; set; }
}

public sealed class ContentTypePartDefinition
{
    public string Name { get; set; } = "";

    public string? DisplayName { get; set; }

    public string Position { get; set; } = "";

    public JsonObject Settings { get; set; } = [];
}

public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<ContentPartFieldDefinition> Fields { get; set; } = [];
}

public sealed class ContentPartFieldDefinition
{
    public string Name { get; set; } = "";

    /// <summary>The field class name, e.g. <c>TextField</c>.</summary>
    public string FieldType { get; set; } = "";

    public string? DisplayName { get; set; }

    public string Position { get; set; } = "";

    public JsonObject Settings { get; set; } = [];
}
