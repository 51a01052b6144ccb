using Newsroom.Modules;

// A test-only module (this assembly is found like any Newsroom.*.dll beside the site). Enabled only by
// the reach-test recipe. It stands in for the content branch's index handlers until those land.
[assembly: Module(
    "Newsroom.Reach.Tests",
    Name = "Reach test support",
    Description = "Test only: fills the article/byline index tables on publish and serves a cached test page.",
    Category = "Tests",
    Dependencies = ["Newsroom.Articles", "Newsroom.Bylines", "Newsroom.OutputCache"])]
