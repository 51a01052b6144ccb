using Newsroom.Users.Permissions;

namespace Newsroom.Users.Dashboard;

/// <summary>
/// A block on the admin dashboard (<c>/admin</c>): a view component a module contributes, shown to users
/// holding <see cref="Permission"/>. Register with <c>services.AddSingleton&lt;IDashboardWidget&gt;(...)</c>.
/// </summary>
public interface IDashboardWidget
{
    string ViewComponent { get; }

    Permission Permission { get; }

    int Position { get; }
}

public sealed record DashboardWidget(string ViewComponent, Permission Permission, int Position = 100) : IDashboardWidget;
