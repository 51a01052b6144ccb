using System.Net;
using Shouldly;
using Xunit;

namespace Newsroom.Admin.Tests;

public sealed class FeaturesTests
{
    [Fact]
    public async Task Disabling_a_feature_removes_its_menu_entry_and_routes_and_enabling_brings_them_back()
    {
        await using var site = await AdminSite.StartAsync();
        await site.EnableContentAdminAsync();
        var admin = await site.SignedInAsync(AdminSite.AdminName);
        (await admin.GetAsync("/admin")).Body.ShouldContain("href=\"/admin/content\"");
        (await admin.GetAsync("/admin/content")).Status.ShouldBe(HttpStatusCode.OK);
        var features = await admin.GetAsync("/admin/features");
        features.Body.ShouldContain("data-feature=\"Newsroom.Contents\"");
        features.Body.ShouldContain("action=\"/admin/features/Newsroom.Contents/disable\"");

        var disabled = await admin.PostAsync("/admin/features/Newsroom.Contents/disable", [], "/admin/features");
        disabled.Status.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync("/admin")).Body.ShouldNotContain("href=\"/admin/content\"");
        (await admin.GetAsync("/admin/content")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/admin/features")).Body.ShouldContain("action=\"/admin/features/Newsroom.Contents/enable\"");

        var enabled = await admin.PostAsync("/admin/features/Newsroom.Contents/enable", [], "/admin/features");
        enabled.Status.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync("/admin")).Body.ShouldContain("href=\"/admin/content\"");
        (await admin.GetAsync("/admin/content")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Users_feature_cannot_be_disabled()
    {
        await using var site = await AdminSite.StartAsync();
        var admin = await site.SignedInAsync(AdminSite.AdminName);
        (await admin.GetAsync("/admin/features")).Body.ShouldNotContain("/admin/features/Newsroom.Users/disable");
        (await admin.PostAsync("/admin/features/Newsroom.Users/disable", [], "/admin/features")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/admin/users")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
