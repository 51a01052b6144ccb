using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Advertising",
    Name = "Advertising",
    Description = "Advertisement slots and the rules that place them in articles.",
    Category = "Newsroom",
    Dependencies = ["Newsroom.Articles"])]
