using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Media",
    Name = "Media",
    Description = "The media store: serves and accepts images under the data folder.",
    Category = "Content",
    Dependencies = ["Newsroom.Users"])]
