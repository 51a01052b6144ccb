using Newsroom.Modules;

[assembly: Module(
    "Newsroom.Editorial",
    Name = "Editorial",
    Description = "The article editor: blocks, pickers, live ad map, pre-publish checks, preview of unsaved work, soft locks; Byline, RelatedLink and AdvertisementSlot editors.",
    Category = "Content",
    Dependencies = ["Newsroom.Users", "Newsroom.Contents", "Newsroom.Media", "Newsroom.Articles", "Newsroom.Bylines", "Newsroom.RelatedLinks", "Newsroom.Advertising", "Newsroom.Workflow"])]
