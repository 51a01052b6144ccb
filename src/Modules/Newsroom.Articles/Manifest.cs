using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Articles",
    Name = "Articles",
    Description = "The Article content type: headline, dek, slug, section, tags, lead image, body blocks.",
    Category = "Newsroom",
    Dependencies = ["Newsroom.Contents", "Newsroom.Media"])]
