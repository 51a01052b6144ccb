using Newsroom.ContentManagement.Metadata;

namespace Newsroom.Recipes.Steps;

/// <summary>
/// <c>{ "name": "ContentDefinition", "ContentTypes": [ { "Name", "DisplayName", "Settings", "Parts": [ { "Name" } ] } ],
/// "ContentParts": [ { "Name", "Fields": [ { "Name", "FieldType" } ] } ] }</c>
/// </summary>
public sealed class ContentDefinitionStep(IContentDefinitionManager definitions) : IRecipeStepHandler
{
    private static readonly HashSet<string> s_fieldTypes = new(StringComparer.Ordinal)
    {
        "TextField", "HtmlField", "NumericField", "BooleanField", "DateTimeField", "LinkField", "ContentPickerField",
    };

    public string Name => "ContentDefinition";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var model = context.Bind<ContentDefinitionStepModel>();
        for (var i = 0; i < model.ContentParts.Count; i++)
        {
            var part = model.ContentParts[i];
            for (var j = 0; j < part.Fields.Count; j++)
            {
                if (!s_fieldTypes.Contains(part.Fields[j].FieldType))
                {
                    throw new RecipeStepException($"ContentParts[{i}].Fields[{j}].FieldType", $"'{part.Fields[j].FieldType}' is not a field type. Known: {string.Join(", ", s_fieldTypes.Order(StringComparer.Ordinal))}.");
                }
            }

            await Alter($"ContentParts[{i}].Name", () => definitions.AlterPartDefinitionAsync(part.Name, builder =>
            {
                if (part.Description is not null)
                {
                    builder.WithDescription(part.Description);
                }

                foreach (var field in part.Fields)
                {
                    builder.WithField(field.Name, field.FieldType, f =>
                    {
                        f.DisplayName = field.DisplayName;
                        f.Position = field.Position;
                        f.Settings = field.Settings;
                    });
                }
            }, context.CancellationToken));
        }

        for (var i = 0; i < model.ContentTypes.Count; i++)
        {
            var type = model.ContentTypes[i];
            await Alter($"ContentTypes[{i}].Name", () => definitions.AlterTypeDefinitionAsync(type.Name, builder =>
            {
                builder.DisplayedAs(string.IsNullOrEmpty(type.DisplayName) ? type.Name : type.DisplayName);
                builder.Definition.Settings = type.Settings;
                foreach (var part in type.Parts)
                {
                    builder.WithPart(part.Name, p =>
                    {
                        p.DisplayName = part.DisplayName;
                        p.Position = string.IsNullOrEmpty(part.Position) ? p.Position : part.Position;
                        p.Settings = part.Settings;
                    });
                }
            }, context.CancellationToken));
        }
    }

    private static async Task Alter(string field, Func<Task> alter)
    {
        try
        {
            await alter();
        }
        catch (ArgumentException ex)
        {
            throw new RecipeStepException(field, ex.Message, ex);
        }
    }

    private sealed class ContentDefinitionStepModel
    {
        public List<ContentTypeDefinition> ContentTypes { get; set; } = [];

        public List<ContentPartDefinition> ContentParts { get; set; } = [];
    }
}
