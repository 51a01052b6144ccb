using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Feeds",
    Name = "Feeds",
    Description = "RSS 2.0 and Atom feeds of the latest published articles: site, section, tag and byline.",
    Category = "Reach",
    Dependencies = ["Newsroom.Seo", "Newsroom.OutputCache"])]
