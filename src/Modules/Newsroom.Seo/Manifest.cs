using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Seo",
    Name = "SEO",
    Description = "Sitemaps, the Google News sitemap, robots.txt, and JSON-LD/OpenGraph/Twitter/canonical tags for articles.",
    Category = "Reach",
    Dependencies = ["Newsroom.Articles", "Newsroom.Bylines"])]
