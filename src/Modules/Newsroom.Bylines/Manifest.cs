using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Bylines",
    Name = "Bylines",
    Description = "Bylines: the people credited on articles, with author pages.",
    Category = "Newsroom",
    Dependencies = ["Newsroom.Articles"])]
