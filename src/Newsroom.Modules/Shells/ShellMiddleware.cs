using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.Modules.Shells;

public static class ShellApplicationBuilderExtensions
{
    /// <summary>
    /// Hands every request to the current shell's pipeline, with the shell's services. Terminal:
    /// put it last in the host's pipeline (the shell answers 404 when no endpoint matched).
    /// </summary>
    public static void UseShell(this IApplicationBuilder app)
    {
        var host = app.ApplicationServices.GetRequiredService<ShellHost>();
        app.Run(async context =>
        {
            await host.EnsureFreshAsync(context.RequestAborted);
            using var lease = host.Enter(out var shell);
            foreach (var shortcut in shell.Shortcuts)
            {
                if (await shortcut.TryServeAsync(context))
                {
                    return;
                }
            }

            var hostServices = context.RequestServices;
            await using var scope = shell.ServiceProvider.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await shell.Pipeline(context);
            }
            finally
            {
                // Host middleware that runs after an error (the error page) must not reach into
                // the shell scope, which is disposed as this returns.
                context.RequestServices = hostServices;
            }
        });
    }
}
