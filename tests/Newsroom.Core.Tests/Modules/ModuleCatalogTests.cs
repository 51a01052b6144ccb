using Newsroom.Modules;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Modules;

public sealed class ModuleCatalogTests
{
    private static ModuleInfo Module(string id, params string[] dependencies) =>
        new(new ModuleAttribute(id) { Dependencies = dependencies }, assembly: null);

    [Fact]
    public void Modules_come_after_their_dependencies()
    {
        var catalog = ModuleCatalog.Create(
        [
            Module("Zeta", "Alpha", "Mu"),
            Module("Alpha", "Mu"),
            Module("Mu"),
            Module("Beta", "Zeta"),
            Module("Omega"),
        ]);

        var order = catalog.Modules.Select(m => m.Id).ToList();
        order.Count.ShouldBe(5);
        foreach (var module in catalog.Modules)
        {
            foreach (var dependency in module.Dependencies)
            {
                order.IndexOf(dependency).ShouldBeLessThan(order.IndexOf(module.Id), $"{dependency} must come before {module.Id}");
            }
        }

        // Deterministic: the same input in another order gives the same order.
        ModuleCatalog.Create(catalog.Modules.Reverse()).Modules.Select(m => m.Id).ShouldBe(order);
    }

    [Fact]
    public void A_missing_dependency_names_both_modules()
    {
        var error = Should.Throw<ModuleDependencyException>(() => ModuleCatalog.Create([Module("Newsroom.Feeds", "Newsroom.Articles"), Module("Newsroom.Media")]));
        error.Message.ShouldContain("'Newsroom.Feeds'");
        error.Message.ShouldContain("'Newsroom.Articles'");
    }

    [Fact]
    public void A_cycle_is_refused_with_the_cycle_spelled_out()
    {
        var error = Should.Throw<ModuleDependencyException>(() => ModuleCatalog.Create(
        [
            Module("Alpha", "Beta"),
            Module("Beta", "Gamma"),
            Module("Gamma", "Alpha"),
            Module("Delta"),
        ]));
        error.Message.ShouldContain("cycle");
        error.Message.ShouldContain("Alpha -> Beta -> Gamma -> Alpha");
        error.Message.ShouldNotContain("Delta");
    }

    [Fact]
    public void A_module_depending_on_itself_is_a_cycle()
    {
        var error = Should.Throw<ModuleDependencyException>(() => ModuleCatalog.Create([Module("Loop", "Loop")]));
        error.Message.ShouldContain("Loop -> Loop");
    }

    [Fact]
    public void Two_modules_with_one_id_are_refused()
    {
        var error = Should.Throw<ModuleDependencyException>(() => ModuleCatalog.Create([Module("Twin"), Module("Twin")]));
        error.Message.ShouldContain("'Twin'");
    }

    [Fact]
    public void Resolve_adds_dependencies_and_dependents_follow_them()
    {
        var catalog = ModuleCatalog.Create([Module("A", "B"), Module("B", "C"), Module("C"), Module("D")]);
        catalog.Resolve(["A"]).Select(m => m.Id).ShouldBe(["C", "B", "A"]);
        catalog.Dependents("C").Select(m => m.Id).ShouldBe(["B", "A"]);
        catalog.Dependents("D").ShouldBeEmpty();
    }

    [Fact]
    public void Discovery_finds_the_product_modules_and_the_test_module_in_dependency_order()
    {
        var catalog = ModuleCatalog.Discover();
        var order = catalog.Modules.Select(m => m.Id).ToList();
        order.ShouldContain("Newsroom.Media");
        order.ShouldContain("Newsroom.Theme");
        order.IndexOf("Newsroom.Media").ShouldBeLessThan(order.IndexOf(ProbeModule.Id));
        order.IndexOf("Newsroom.Articles").ShouldBeLessThan(order.IndexOf("Newsroom.Theme"));
        catalog.Find("Newsroom.Theme")!.IsTheme.ShouldBeTrue();
    }
}
