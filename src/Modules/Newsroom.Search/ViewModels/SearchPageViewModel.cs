using Newsroom.Search.Services;

namespace Newsroom.Search.ViewModels;

public sealed class SearchPageViewModel
{
    public required SearchResults Results { get; init; }

    public string SiteName { get; init; } = "";
}
