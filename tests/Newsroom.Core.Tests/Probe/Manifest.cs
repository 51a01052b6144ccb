using Newsroom.Modules;

// A module that exists only in this test assembly. The catalog discovers it like any other
// (every Newsroom.*.dll beside the application), so the tests can switch a real module on and off
// without depending on what the product modules happen to contain. It depends on Newsroom.Media
// to prove that enabling pulls dependencies and disabling cascades to dependents.
[assembly: Module(
    ProbeModule.Id,
    Name = "Probe (tests only)",
    Description = "Routes, a content handler and an index table for the core tests.",
    Category = "Tests",
    Dependencies = ["Newsroom.Media"])]

internal static class ProbeModule
{
    public const string Id = "Newsroom.Core.Tests.Probe";
}
