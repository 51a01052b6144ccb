using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.ContentManagement.Metadata;
using Newsroom.ContentManagement.Records;
using Newsroom.Core.Tests.Infrastructure;
using Newsroom.Data;
using Newsroom.Recipes;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Recipes;

/// <summary>Recipes run through the real executor and steps on both databases.</summary>
public sealed class RecipeTests
{
    private const string GoodRecipe = """
        {
          "name": "coretest",
          "displayName": "Core test",
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Memo", "DisplayName": "Memo", "Settings": { "Creatable": true, "Draftable": true }, "Parts": [ { "Name": "StoryPart" } ] } ] },
            { "name": "settings", "SiteName": "Recipe Site", "TimeZone": "Europe/Paris" },
            { "name": "content", "data": [
              { "ContentItemId": "memo1", "ContentItemVersionId": "memo1v1", "ContentType": "Memo", "DisplayText": "Memo one",
                "Published": true, "PublishedUtc": "2026-01-02T03:04:05Z", "StoryPart": { "Body": "one" } },
              { "ContentItemId": "memo2", "ContentItemVersionId": "memo2v1", "ContentType": "Memo", "DisplayText": "Memo two",
                "StoryPart": { "Body": "two" } }
            ] }
          ]
        }
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_a_recipe_twice_leaves_the_database_as_after_the_first_import(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await RunAsync(site, GoodRecipe);
        var counts = await site.TableCountsAsync();
        var documents = await site.DocumentVersionsAsync();
        var rows = await AllRowsAsync(site);
        rows.Select(r => (r.ContentItemId, r.ContentItemVersionId, r.Published, r.Latest)).ShouldBe([("memo1", "memo1v1", true, true), ("memo2", "memo2v1", false, true)]);
        rows[0].PublishedUtc.ShouldBe(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        await RunAsync(site, GoodRecipe);

        (await site.TableCountsAsync()).ShouldBe(counts);
        (await site.DocumentVersionsAsync()).ShouldBe(documents);
        (await AllRowsAsync(site)).Select(Snapshot).ShouldBe(rows.Select(Snapshot));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_changed_item_in_a_recipe_becomes_a_new_version(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await RunAsync(site, GoodRecipe);

        await RunAsync(site, GoodRecipe.Replace("\"memo1v1\"", "\"memo1v2\"", StringComparison.Ordinal).Replace("\"Body\": \"one\"", "\"Body\": \"one, revised\"", StringComparison.Ordinal));

        var rows = (await AllRowsAsync(site)).Where(r => r.ContentItemId == "memo1").ToList();
        rows.Select(r => (r.ContentItemVersionId, r.Number, r.Latest, r.Published)).ShouldBe([("memo1v1", 1, false, false), ("memo1v2", 2, true, true)]);
        rows[1].Data.ShouldContain("one, revised");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_recipe_that_fails_at_step_3_changes_nothing(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await RunAsync(site, GoodRecipe);
        var counts = await site.TableCountsAsync();
        var documents = await site.DocumentVersionsAsync();
        var rows = await AllRowsAsync(site);
        var siteName = await SiteNameAsync(site);

        // Steps 1 and 2 write a new type and new settings; step 3 writes one item, then meets an unknown type.
        const string bad = """
            {
              "name": "badstep3",
              "steps": [
                { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Extra", "Parts": [ { "Name": "StoryPart" } ] } ] },
                { "name": "settings", "SiteName": "Should not stick" },
                { "name": "content", "data": [
                  { "ContentItemId": "extra1", "ContentType": "Extra", "DisplayText": "written then rolled back", "Published": true, "StoryPart": { "Body": "x" } },
                  { "ContentItemId": "memo1", "ContentItemVersionId": "memo1v9", "ContentType": "Memo", "Published": true, "StoryPart": { "Body": "changed" } },
                  { "ContentItemId": "ghost1", "ContentType": "Ghost", "StoryPart": { "Body": "y" } }
                ] }
              ]
            }
            """;
        var error = await Should.ThrowAsync<RecipeException>(() => RunAsync(site, bad));
        error.Message.ShouldContain("'badstep3'");
        error.Message.ShouldContain("step 3 ('content')");
        error.Message.ShouldContain("data[2].ContentType");
        error.StepIndex.ShouldBe(3);

        (await site.TableCountsAsync()).ShouldBe(counts);
        (await site.DocumentVersionsAsync()).ShouldBe(documents);
        (await AllRowsAsync(site)).Select(Snapshot).ShouldBe(rows.Select(Snapshot));

        // Nothing of the rolled-back steps may linger in the process's caches either.
        (await SiteNameAsync(site)).ShouldBe(siteName);
        (await site.WithScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync("Extra"))).ShouldBeNull();
    }

    [Fact]
    public void Malformed_json_names_the_recipe_the_step_and_the_place()
    {
        const string json = """
            {
              "name": "broken",
              "steps": [
                { "name": "settings", "SiteName": "ok" },
                { "name": "content", "data": [ { "ContentItemId": "a" "ContentType": "Memo" } ] }
              ]
            }
            """;
        var error = Should.Throw<RecipeException>(() => RecipeReader.Parse(json, "broken.recipe.json"));
        error.Message.ShouldContain("broken.recipe.json");
        error.Message.ShouldStartWith("Recipe 'broken'");
        error.Message.ShouldContain("field 'data'");
        error.Message.ShouldContain("step 2 ('content')");
        error.Message.ShouldContain("line 5");
        error.StepIndex.ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unknown_steps_and_wrong_types_name_recipe_step_and_field(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var counts = await site.TableCountsAsync();

        var cases = new (string Steps, string Expected)[]
        {
            ("""{ "name": "settings", "SiteName": "x" }, { "name": "nonsense" }""", "step 2 ('nonsense'), field 'name'"),
            ("""{ "name": "content", "data": [ { "ContentItemId": "n1", "ContentType": "Note", "Published": "yes" } ] }""", "step 1 ('content'), field 'data[0].Published'"),
            ("""{ "name": "content", "data": [ { "ContentItemId": "n1", "ContentType": "Note" }, { "ContentItemId": "n2", "ContentType": "Note", "StoryPart": "just text" } ] }""", "step 1 ('content'), field 'data[1].StoryPart'"),
            ("""{ "name": "settings", "Sections": "world" }""", "step 1 ('settings'), field 'Sections'"),
            ("""{ "name": "settings", "SiteName": "x" }, { "name": "ContentDefinition", "ContentTypes": [ { "Name": "T", "Settings": { "Creatable": "yes" } } ] }""", "step 2 ('ContentDefinition'), field 'ContentTypes[0].Settings.Creatable'"),
            ("""{ "name": "feature", "enable": [ "Newsroom.DoesNotExist" ] }""", "step 1 ('feature'), field 'enable'"),
            ("""{ "name": "feature", "disable": [ "Newsroom.Media" ] }""", "step 1 ('feature'), field 'disable'"),
        };
        foreach (var (steps, expected) in cases)
        {
            var error = await Should.ThrowAsync<RecipeException>(() => RunAsync(site, $$"""{ "name": "wrong", "steps": [ {{steps}} ] }"""));
            error.Message.ShouldStartWith("Recipe 'wrong', ");
            error.Message.ShouldContain(expected, customMessage: error.Message);
        }

        (await site.TableCountsAsync()).ShouldBe(counts);
    }

    private static string Snapshot(ContentItemRecord r) =>
        $"{r.Id}|{r.ContentItemId}|{r.ContentItemVersionId}|{r.Number}|{r.Latest}|{r.Published}|{r.Deleted}|{r.ConcurrencyStamp}|{r.ModifiedUtc:o}|{r.PublishedUtc:o}|{r.DisplayText}|{r.Data}";

    private static Task RunAsync(TestSite site, string json) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeReader.Parse(json, "test.recipe.json")));

    private static Task<string> SiteNameAsync(TestSite site) =>
        site.WithScopeAsync(async sp => (await sp.GetRequiredService<IDocumentStore>().GetAsync<SiteSettings>()).SiteName);

    private static Task<List<ContentItemRecord>> AllRowsAsync(TestSite site) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Set<ContentItemRecord>().AsNoTracking()
            .OrderBy(r => r.ContentItemId).ThenBy(r => r.Number).ToListAsync());
}
