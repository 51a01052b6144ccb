using System.Text.Json;
using Newsroom.ContentManagement;
using Newsroom.Core.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Content;

/// <summary>
/// Items made over a shared, parsed element (as the published cache hands them out) read parts from
/// it without changing it, and behave like any other item once someone edits them.
/// </summary>
public sealed class ContentItemTests
{
    private const string Json = """{"StoryPart":{"Body":"shared"},"Other":{"Body":"x"}}""";

    [Fact]
    public void Parts_read_from_a_shared_element_are_copies_of_their_own()
    {
        using var document = JsonDocument.Parse(Json);
        var first = Over(document.RootElement);
        var second = Over(document.RootElement);

        first.Has("StoryPart").ShouldBeTrue();
        first.Has("Missing").ShouldBeFalse();
        first.Get<StoryPart>("Missing").ShouldBeNull();
        first.As<StoryPart>().Body = "changed by one request";

        second.As<StoryPart>().Body.ShouldBe("shared");
        second.Peek<StoryPart>("StoryPart")!.Body.ShouldBe("shared");
        document.RootElement.GetProperty("StoryPart").GetProperty("Body").GetString().ShouldBe("shared");
    }

    [Fact]
    public void An_item_over_an_element_writes_its_changes_into_its_own_content()
    {
        using var document = JsonDocument.Parse(Json);
        var item = Over(document.RootElement);
        item.As<StoryPart>().Body = "edited";
        item.Remove("Other");

        var written = JsonDocument.Parse(item.SerializeContent()).RootElement;

        written.GetProperty("StoryPart").GetProperty("Body").GetString().ShouldBe("edited");
        written.TryGetProperty("Other", out _).ShouldBeFalse();
        item.Has("Other").ShouldBeFalse();
        document.RootElement.GetProperty("Other").GetProperty("Body").GetString().ShouldBe("x");
    }

    [Fact]
    public void Content_asked_for_before_any_part_holds_every_part()
    {
        using var document = JsonDocument.Parse(Json);
        var item = Over(document.RootElement);

        item.Content.Select(p => p.Key).ShouldBe(["StoryPart", "Other"]);
        item.Get<StoryPart>("StoryPart")!.Body.ShouldBe("shared");
    }

    private static ContentItem Over(JsonElement element)
    {
        var item = new ContentItem { ContentType = "Note" };
        item.LoadContent(element);
        return item;
    }
}
