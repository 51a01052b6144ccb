using Newsroom.Modules;

[assembly: Module(
    "Newsroom.OutputCache",
    Name = "Output cache",
    Description = "Caches public pages, evicts exactly the affected pages on publish, ETag/304, CDN purge webhook.",
    Category = "Reach",
    Dependencies = ["Newsroom.Articles", "Newsroom.Bylines"])]
