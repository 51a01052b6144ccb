using Newsroom.Modules;

// A test-only module (this assembly is found like any Newsroom.*.dll beside the site), enabled only by
// the reach-test recipe: a stand-in page for output-cache tests.
[assembly: Module(
    "Newsroom.Reach.Tests",
    Name = "Reach test support",
    Description = "Test only: serves a cached test page.",
    Category = "Tests",
    Dependencies = ["Newsroom.Articles", "Newsroom.Bylines", "Newsroom.OutputCache"])]
