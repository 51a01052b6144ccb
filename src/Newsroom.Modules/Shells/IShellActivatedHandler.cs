namespace Newsroom.Modules.Shells;

/// <summary>
/// Runs once when a shell is built, before it serves a request: migrations, first-run setup,
/// catching up on missed schedules. Resolved from a scope of the new shell, in registration order.
/// </summary>
public interface IShellActivatedHandler
{
    Task ActivatedAsync(CancellationToken cancellationToken);
}
