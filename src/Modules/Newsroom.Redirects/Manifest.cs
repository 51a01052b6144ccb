using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Redirects",
    Name = "Redirects",
    Description = "Former article addresses answer 301, withdrawn articles 410 Gone; manual redirects.",
    Category = "Reach",
    Dependencies = ["Newsroom.Articles"])]
