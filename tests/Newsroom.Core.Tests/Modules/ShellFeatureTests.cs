using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Core.Tests.Infrastructure;
using Newsroom.Core.Tests.Probe;
using Newsroom.Data;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Modules;

/// <summary>Features switched through the real feature manager and shell reload, seen over HTTP.</summary>
public sealed class ShellFeatureTests
{
    [Fact]
    public async Task Enable_pulls_dependencies_disable_cascades_and_a_disabled_feature_contributes_nothing()
    {
        await using var site = await TestSite.StartAsync(TestDatabase.Sqlite, recipe: TestSite.BareRecipe);
        using var client = site.Factory.CreateClient();

        // Off: no route, no services.
        (await client.GetAsync(ProbeStartup.Path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        site.Shell.ServiceProvider.GetService<ProbeMarker>().ShouldBeNull();
        site.Shell.Blueprint.IsEnabled("Newsroom.Media").ShouldBeFalse();

        // Enabling the probe enables Newsroom.Media, which it depends on.
        await site.SetFeaturesAsync(enable: [ProbeModule.Id]);
        var features = await FeaturesAsync(site);
        features.ShouldContain(ProbeModule.Id);
        features.ShouldContain("Newsroom.Media");
        features.IndexOf("Newsroom.Media").ShouldBeLessThan(features.IndexOf(ProbeModule.Id));
        var on = await client.GetAsync(ProbeStartup.Path);
        on.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await on.Content.ReadAsStringAsync()).ShouldBe("probe is on");
        site.Shell.ServiceProvider.GetService<ProbeMarker>().ShouldNotBeNull();

        // Disabling Newsroom.Media takes the probe, which needs it, down too.
        await site.SetFeaturesAsync(disable: ["Newsroom.Media"]);
        features = await FeaturesAsync(site);
        features.ShouldNotContain("Newsroom.Media");
        features.ShouldNotContain(ProbeModule.Id);
        (await client.GetAsync(ProbeStartup.Path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        site.Shell.ServiceProvider.GetService<ProbeMarker>().ShouldBeNull();
        site.Shell.Blueprint.IsEnabled(ProbeModule.Id).ShouldBeFalse();
    }

    [Fact]
    public async Task Unknown_features_are_refused_by_name()
    {
        await using var site = await TestSite.StartAsync(TestDatabase.Sqlite);
        var error = await Should.ThrowAsync<InvalidOperationException>(() => site.SetFeaturesAsync(enable: ["Newsroom.Nope"]));
        error.Message.ShouldContain("Newsroom.Nope");
    }

    [Fact]
    public async Task A_feature_the_active_theme_needs_cannot_be_disabled_behind_its_back()
    {
        // The "empty" recipe runs the Newsroom theme, which needs Articles and so Media.
        await using var site = await TestSite.StartAsync(TestDatabase.Sqlite);
        site.Shell.Blueprint.SiteTheme!.Id.ShouldBe("Newsroom.Theme");
        var before = await FeaturesAsync(site);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => site.SetFeaturesAsync(disable: ["Newsroom.Media"]));
        error.Message.ShouldContain("Newsroom.Media");
        error.Message.ShouldContain("Newsroom.Theme");
        (await FeaturesAsync(site)).ShouldBe(before);
        site.Shell.Blueprint.IsEnabled("Newsroom.Media").ShouldBeTrue();
    }

    private static Task<List<string>> FeaturesAsync(TestSite site) =>
        site.WithScopeAsync(async sp => (await sp.GetRequiredService<ShellFeatureManager>().GetAsync()).Features.ToList());
}
