namespace Newsroom.Modules.Shells;

/// <summary>Reads the shell descriptor outside any shell (the shell is built from it).</summary>
public interface IShellDescriptorStore
{
    /// <summary>The stored descriptor; an uninitialized one (version 0) when the site was never set up.</summary>
    Task<ShellDescriptor> LoadAsync(CancellationToken cancellationToken);

    /// <summary>The stored version only: a cheap query used to notice changes made by other nodes.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken);
}
