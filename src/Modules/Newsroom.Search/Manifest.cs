using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Search",
    Name = "Reader search",
    Description = "Full-text search of published articles at /search, on SQLite FTS5 or PostgreSQL tsvector.",
    Category = "Reach",
    Dependencies = ["Newsroom.Seo"])]
