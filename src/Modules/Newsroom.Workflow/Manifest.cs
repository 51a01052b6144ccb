using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Workflow",
    Name = "Editorial workflow",
    Description = "Review, scheduling, update log, revisions, shareable previews and the audit log.",
    Category = "Newsroom",
    Dependencies = ["Newsroom.Articles", "Newsroom.Contents", "Newsroom.Users"])]
