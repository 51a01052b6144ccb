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
        (await admin.GetAsync("/admin")).Body.ShouldContain("href=\"/admin/review\"");
        (await admin.GetAsync("/admin/review")).Status.ShouldBe(HttpStatusCode.OK);
        var features = await admin.GetAsync("/admin/features");
        features.Body.ShouldContain("data-feature=\"Newsroom.Workflow\"");
        features.Body.ShouldContain("action=\"/admin/features/Newsroom.Workflow/disable\"");

        var disabled = await admin.PostAsync("/admin/features/Newsroom.Workflow/disable", [], "/admin/features");
        disabled.Status.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync("/admin")).Body.ShouldNotContain("href=\"/admin/review\"");
        (await admin.GetAsync("/admin/review")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/admin/features")).Body.ShouldContain("action=\"/admin/features/Newsroom.Workflow/enable\"");

        var enabled = await admin.PostAsync("/admin/features/Newsroom.Workflow/enable", [], "/admin/features");
        enabled.Status.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync("/admin")).Body.ShouldContain("href=\"/admin/review\"");
        (await admin.GetAsync("/admin/review")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_feature_the_site_theme_needs_is_refused_with_the_reason()
    {
        await using var site = await AdminSite.StartAsync();
        await site.EnableContentAdminAsync();
        var admin = await site.SignedInAsync(AdminSite.AdminName);

        var refused = await admin.PostAsync("/admin/features/Newsroom.Contents/disable", [], "/admin/features");
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body.ShouldContain("Newsroom.Theme");
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
