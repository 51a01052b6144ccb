using Newsroom.Data;
using Newsroom.Modules.Shells;

namespace Newsroom.Web.Shell;

/// <summary>Brings the core's and every enabled module's data migrations up to date when a shell starts.</summary>
internal sealed class MigrationsActivatedHandler(DataMigrationRunner runner, ShellBlueprint blueprint) : IShellActivatedHandler
{
    public Task ActivatedAsync(CancellationToken cancellationToken) =>
        runner.RunAsync(
            CoreAssemblies.All.Concat(blueprint.EnabledModules.Select(m => m.Assembly).OfType<System.Reflection.Assembly>()),
            cancellationToken);
}
