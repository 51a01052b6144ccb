using Newsroom.Modules;
using Newsroom.Modules.Shells;

namespace Newsroom.Data;

/// <summary>
/// Changes which features and themes the site runs. Writes in the current transaction; call
/// <see cref="ShellHost.ReloadAsync"/> after it commits (other nodes follow on their own).
/// </summary>
public sealed class ShellFeatureManager(IDocumentStore documents, ModuleCatalog catalog)
{
    public async Task<ShellDescriptor> GetAsync(CancellationToken cancellationToken = default) =>
        await documents.GetForUpdateAsync<ShellDescriptor>(cancellationToken);

    /// <summary>Enables the features and their dependencies; unknown ids are refused by name.</summary>
    /// <returns>True when the set of features changed.</returns>
    public async Task<bool> EnableAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var requested = ids.ToList();
        ThrowIfUnknown(requested);
        var descriptor = await GetAsync(cancellationToken);
        var features = catalog.Resolve(descriptor.Features.Concat(requested)).Where(m => !m.IsTheme).Select(m => m.Id).ToList();
        return await SaveIfChangedAsync(descriptor, descriptor with { Features = features }, cancellationToken);
    }

    /// <summary>Disables the features and every feature that depends on them.</summary>
    /// <returns>True when the set of features changed.</returns>
    public async Task<bool> DisableAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var requested = ids.ToList();
        ThrowIfUnknown(requested);
        var alwaysOn = requested.Where(id => catalog.Find(id)!.Manifest.AlwaysEnabled).ToList();
        if (alwaysOn.Count > 0)
        {
            throw new InvalidOperationException($"These features cannot be disabled: {string.Join(", ", alwaysOn)}.");
        }

        var off = requested.Concat(requested.SelectMany(id => catalog.Dependents(id)).Select(m => m.Id)).ToHashSet(StringComparer.Ordinal);
        var descriptor = await GetAsync(cancellationToken);

        // The shell enables the active themes' dependencies whatever the feature list says: taking
        // one off the list would change nothing and claim it did. Say which theme needs it instead.
        var needed = new[] { descriptor.SiteTheme, descriptor.AdminTheme }.OfType<string>()
            .SelectMany(theme => catalog.Resolve([theme]).Where(m => off.Contains(m.Id)).Select(m => $"{m.Id} (needed by the theme {theme})"))
            .ToList();
        if (needed.Count > 0)
        {
            throw new InvalidOperationException($"These features cannot be disabled while their theme is active: {string.Join(", ", needed)}.");
        }

        return await SaveIfChangedAsync(descriptor, descriptor with { Features = descriptor.Features.Where(f => !off.Contains(f)).ToList() }, cancellationToken);
    }

    /// <returns>True when a theme changed.</returns>
    public async Task<bool> SetThemesAsync(string? siteTheme, string? adminTheme, CancellationToken cancellationToken = default)
    {
        foreach (var theme in new[] { siteTheme, adminTheme }.OfType<string>())
        {
            if (catalog.Find(theme) is not { IsTheme: true })
            {
                throw new InvalidOperationException($"'{theme}' is not a theme. Themes: {string.Join(", ", catalog.Modules.Where(m => m.IsTheme).Select(m => m.Id))}.");
            }
        }

        var descriptor = await GetAsync(cancellationToken);
        return await SaveIfChangedAsync(descriptor, descriptor with { SiteTheme = siteTheme ?? descriptor.SiteTheme, AdminTheme = adminTheme ?? descriptor.AdminTheme }, cancellationToken);
    }

    private async Task<bool> SaveIfChangedAsync(ShellDescriptor before, ShellDescriptor after, CancellationToken cancellationToken)
    {
        if (before.Features.SequenceEqual(after.Features) && before.SiteTheme == after.SiteTheme && before.AdminTheme == after.AdminTheme)
        {
            return false;
        }

        await documents.SaveAsync(after, cancellationToken);
        return true;
    }

    private void ThrowIfUnknown(IEnumerable<string> ids)
    {
        var unknown = ids.Where(id => catalog.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Unknown features: {string.Join(", ", unknown)}.");
        }
    }
}
