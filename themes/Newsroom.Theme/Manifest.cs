using Newsroom.Modules;

[assembly: Theme(
    "Newsroom.Theme",
    Name = "Newsroom",
    Description = "The public Newsroom theme.",
    Category = "Theme",
    Dependencies = ["Newsroom.Articles", "Newsroom.Bylines", "Newsroom.RelatedLinks", "Newsroom.Advertising", "Newsroom.Seo"])]
