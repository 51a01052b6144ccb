using Newsroom.Modules;

[assembly: Theme(
    "Newsroom.AdminTheme",
    Name = "Newsroom Admin",
    Description = "The admin theme: layout, menu and styles of the editorial admin.",
    Category = "Theme",
    IsAdminTheme = true,
    Dependencies = ["Newsroom.Users"])]
