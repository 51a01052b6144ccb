using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Contents",
    Name = "Contents",
    Description = "Content administration: the admin content list and editors.",
    Category = "Content",
    Dependencies = ["Newsroom.Users"], AlwaysEnabled = false)]
