using Newsroom.ContentManagement;
using Newsroom.DisplayManagement.Drivers;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Web.Tests;

/// <summary>
/// A shape's alternates and a driver result's locations, as module and theme code reads and changes
/// them. Both are kept without lists of their own until they need one (they are made for every shape
/// of every page), which must not change what anyone sees.
/// </summary>
public sealed class ShapeMetadataTests
{
    private sealed class NoteViewModel : Shape;

    [Fact]
    public void Alternates_read_and_changed_after_the_conventional_names_keep_their_order()
    {
        var shape = new ContentShape(new ContentItem { ContentType = "Article" }, DisplayTypes.Summary);

        shape.Metadata.Alternates.ShouldBe(["Content-Article.Summary", "Content.Summary", "Content-Article"]);
        shape.Metadata.Alternates.Add("Content-Article-Opinion.Summary");
        shape.Metadata.Alternates.Insert(0, "Content-Article-Featured.Summary");

        shape.Metadata.TemplateCandidates().ShouldBe(
            ["Content-Article-Featured.Summary", "Content-Article.Summary", "Content.Summary", "Content-Article", "Content-Article-Opinion.Summary", "Content"]);
    }

    [Fact]
    public void Changing_one_shapes_alternates_leaves_every_other_shape_of_the_same_kind_alone()
    {
        var first = new ContentShape(new ContentItem { ContentType = "Article" }, DisplayTypes.Detail);
        var second = new ContentShape(new ContentItem { ContentType = "Article" }, DisplayTypes.Detail);

        first.Metadata.Alternates.Clear();
        first.Metadata.Alternates.Add("Content-Live");

        first.Metadata.TemplateCandidates().ShouldBe(["Content-Live", "Content"]);
        second.Metadata.TemplateCandidates().ShouldBe(["Content-Article.Detail", "Content.Detail", "Content-Article", "Content"]);
        new ContentShape(new ContentItem { ContentType = "Article" }, DisplayTypes.Detail).Metadata.Alternates
            .ShouldBe(["Content-Article.Detail", "Content.Detail", "Content-Article"]);
    }

    [Fact]
    public async Task A_result_places_its_shape_per_display_type_with_the_last_location_given_winning()
    {
        var result = new ShapeResult(new NoteViewModel())
            .Location("Content:9")
            .Location("Detail", "Header:1")
            .Location("Summary", "Meta:2")
            .Location("Card", "Body:3")
            .Location("detail", "Footer:4")
            .Location("Card", "-");

        result.LocationFor("Detail").ShouldBe("Footer:4");
        result.LocationFor("Summary").ShouldBe("Meta:2");
        result.LocationFor("Card").ShouldBe("-");
        result.LocationFor("Email").ShouldBe("Content:9");

        var shapes = new List<Shape>();
        await result.BuildAsync("Card", shapes);
        shapes.ShouldBeEmpty();
        await result.BuildAsync("Summary", shapes);
        shapes.Single().Metadata.Zone.ShouldBe("Meta");
        shapes.Single().Metadata.Position.ShouldBe("2");
    }
}
