using Newsroom.Users.Permissions;

namespace Newsroom.Users.Navigation;

/// <summary>
/// A module's entries in the admin menu. Register with <c>services.AddScoped&lt;INavigationProvider, AdminMenu&gt;()</c>
/// in the module's startup: a disabled module is not in the shell, so its entries disappear with it.
/// </summary>
public interface INavigationProvider
{
    void Build(NavigationBuilder menu);
}

/// <summary>One admin menu entry; shown only to users holding <see cref="Permission"/>.</summary>
public sealed record MenuItem(string Text, string Url, Permission Permission, int Position = 100);

public sealed class NavigationBuilder
{
    private readonly List<MenuItem> _items = [];

    public IReadOnlyList<MenuItem> Items => _items;

    public NavigationBuilder Add(string text, string url, Permission permission, int position = 100)
    {
        _items.Add(new MenuItem(text, url, permission, position));
        return this;
    }
}
