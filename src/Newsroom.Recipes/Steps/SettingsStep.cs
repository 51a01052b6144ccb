using System.Text.Json;
using System.Text.Json.Nodes;
using Newsroom.ContentManagement;
using Newsroom.Data;

namespace Newsroom.Recipes.Steps;

/// <summary>
/// <c>{ "name": "settings", "SiteName": "...", "TimeZone": "Asia/Kolkata", "Sections": [...] }</c>:
/// the given properties replace those of the site settings; others are kept.
/// </summary>
public sealed class SettingsStep(IDocumentStore documents) : IRecipeStepHandler
{
    public string Name => "settings";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var settings = await documents.GetForUpdateAsync<SiteSettings>(context.CancellationToken);
        var json = JsonSerializer.SerializeToNode(settings, ContentJson.Options)!.AsObject();
        foreach (var (key, value) in context.Step)
        {
            if (key != "name")
            {
                var existing = json.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Key ?? key;
                json[existing] = value?.DeepClone();
            }
        }

        SiteSettings updated;
        try
        {
            updated = json.Deserialize<SiteSettings>(ContentJson.Options)!;
        }
        catch (JsonException ex)
        {
            throw new RecipeStepException(ex.Path?.TrimStart('$', '.') ?? "", ex.Message, ex);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(updated.TimeZone, out _))
        {
            throw new RecipeStepException("TimeZone", $"'{updated.TimeZone}' is not a known time zone (use an IANA id such as 'Asia/Kolkata').");
        }

        var duplicate = updated.Sections.GroupBy(s => s.Slug, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RecipeStepException("Sections", $"the section slug '{duplicate.Key}' is used twice.");
        }

        await documents.SaveAsync(updated, context.CancellationToken);
    }
}
