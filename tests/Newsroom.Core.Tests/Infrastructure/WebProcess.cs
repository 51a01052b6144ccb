using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Newsroom.Core.Tests.Infrastructure;

/// <summary>
/// Runs the built site as a real process (<c>dotnet Newsroom.Web.dll</c>) with command-line
/// configuration, bounded by a timeout, and hands back its exit code and output.
/// </summary>
public static class WebProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError, bool TimedOut);

    /// <summary>The host's build output (same configuration as the tests).</summary>
    public static string WebDll
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            var root = directory;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Newsroom.sln")))
            {
                root = root.Parent;
            }

            if (root is null)
            {
                throw new InvalidOperationException($"Newsroom.sln was not found above {AppContext.BaseDirectory}.");
            }

            // .../tests/Newsroom.Core.Tests/bin/<Configuration>/net10.0/
            var configuration = directory.Parent!.Name;
            var dll = Path.Combine(root.FullName, "src", "Newsroom.Web", "bin", configuration, directory.Name, "Newsroom.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"The host was not built: {dll} is missing.");
        }
    }

    /// <summary>Starts the site and leaves it running; the caller stops it with <c>Kill(entireProcessTree: true)</c>.</summary>
    public static Process Start(IEnumerable<string> arguments) => Process.Start(StartInfo(arguments))!;

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new Result(process.ExitCode, await stdout, await stderr, timedOut);
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var dll = WebDll;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        return start;
    }

    /// <summary>A loopback port nothing listens on (taken from the kernel, then released).</summary>
    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
