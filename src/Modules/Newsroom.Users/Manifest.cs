using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Users",
    Name = "Users",
    Description = "Users, roles and permissions, sign-in, and the admin shell (menu, dashboard, features).",
    Category = "Security",
    Dependencies = [],
    AlwaysEnabled = true)]
