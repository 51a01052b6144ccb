using Newsroom.Modules;

[assembly: Module(
    "Newsroom.RelatedLinks",
    Name = "RelatedLinks",
    Description = "Related links: 'Read: headline' links to internal articles or external pages.",
    Category = "Newsroom",
    Dependencies = ["Newsroom.Articles"])]
