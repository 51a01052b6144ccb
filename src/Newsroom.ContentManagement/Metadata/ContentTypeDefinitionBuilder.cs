namespace Newsroom.ContentManagement.Metadata;

/// <summary>Fluent changes to a type definition, used by migrations and recipes.</summary>
public sealed class ContentTypeDefinitionBuilder(ContentTypeDefinition definition)
{
    public ContentTypeDefinition Definition { get; } = definition;

    public ContentTypeDefinitionBuilder DisplayedAs(string displayName)
    {
        Definition.DisplayName = displayName;
        return this;
    }

    public ContentTypeDefinitionBuilder Creatable(bool value = true) => Set(s => s.Creatable = value);

    public ContentTypeDefinitionBuilder Listable(bool value = true) => Set(s => s.Listable = value);

    public ContentTypeDefinitionBuilder Draftable(bool value = true) => Set(s => s.Draftable = value);

    public ContentTypeDefinitionBuilder Versionable(bool value = true) => Set(s => s.Versionable = value);

    public ContentTypeDefinitionBuilder Securable(bool value = true) => Set(s => s.Securable = value);

    /// <summary>Adds the part, or changes it when the type has it already.</summary>
    public ContentTypeDefinitionBuilder WithPart(string partName, Action<ContentTypePartDefinition>? configure = null)
    {
        var part = Definition.Parts.Find(p => p.Name == partName);
        if (part is null)
        {
            part = new ContentTypePartDefinition { Name = partName, Position = Definition.Parts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            Definition.Parts.Add(part);
        }

        configure?.Invoke(part);
        return this;
    }

    public ContentTypeDefinitionBuilder RemovePart(string partName)
    {
        Definition.Parts.RemoveAll(p => p.Name == partName);
        return this;
    }

    private ContentTypeDefinitionBuilder Set(Action<ContentTypeSettings> change)
    {
        change(Definition.Settings);
        return this;
    }
}

/// <summary>Fluent changes to a part definition (its fields).</summary>
public sealed class ContentPartDefinitionBuilder(ContentPartDefinition definition)
{
    public ContentPartDefinition Definition { get; } = definition;

    public ContentPartDefinitionBuilder WithDescription(string description)
    {
        Definition.Description = description;
        return this;
    }

    public ContentPartDefinitionBuilder WithField(string name, string fieldType, Action<ContentPartFieldDefinition>? configure = null)
    {
        var field = Definition.Fields.Find(f => f.Name == name);
        if (field is null)
        {
            field = new ContentPartFieldDefinition { Name = name };
            Definition.Fields.Add(field);
        }

        field.FieldType = fieldType;
        configure?.Invoke(field);
        return this;
    }

    public ContentPartDefinitionBuilder RemoveField(string name)
    {
        Definition.Fields.RemoveAll(f => f.Name == name);
        return this;
    }
}
