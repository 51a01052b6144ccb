using Newsroom.Modules;
using Newsroom.Users.Dashboard;

namespace Newsroom.Users.ViewModels;

public sealed record UserRow(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, bool Disabled, bool IsMe);

public sealed record UsersIndexViewModel(IReadOnlyList<UserRow> Users, IReadOnlyList<string> Roles);

public sealed record DashboardViewModel(string UserName, IReadOnlyList<IDashboardWidget> Widgets);

public sealed record FeatureRow(ModuleInfo Module, bool Enabled, IReadOnlyList<string> Dependents);

public sealed record FeaturesViewModel(IReadOnlyList<FeatureRow> Features, string? Message);
