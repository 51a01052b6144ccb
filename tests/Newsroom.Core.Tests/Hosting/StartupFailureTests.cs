using Newsroom.Core.Tests.Infrastructure;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Core.Tests.Hosting;

/// <summary>The real host process refuses a bad configuration with a clear message and a non-zero exit code.</summary>
public sealed class StartupFailureTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("newsroom-startup-").FullName;

    [Fact]
    public async Task A_bad_provider_name_stops_the_process_and_names_the_setting()
    {
        var result = await RunAsync("--Newsroom:Database:Provider=Oracle", $"--Newsroom:DataPath={Path.Combine(_folder, "data")}");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("Newsroom:Database:Provider");
        result.StandardError.ShouldContain("'Oracle'");
        result.StandardError.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_unreachable_postgresql_stops_the_process_with_a_clear_message()
    {
        var port = WebProcess.UnusedPort();
        var result = await RunAsync(
            "--Newsroom:Database:Provider=Postgres",
            $"--Newsroom:Database:ConnectionString=Host=127.0.0.1;Port={port};Username=postgres;Database=newsroom;Timeout=5",
            $"--Newsroom:DataPath={Path.Combine(_folder, "data")}");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("PostgreSQL database cannot be reached");
        result.StandardError.ShouldContain("Newsroom:Database:ConnectionString");
        result.StandardError.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_names_the_missing_setting()
    {
        var result = await RunAsync("--Newsroom:Database:Provider=Postgres", $"--Newsroom:DataPath={Path.Combine(_folder, "data")}");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("Newsroom:Database:ConnectionString is required");
    }

    [Fact]
    public async Task A_data_path_that_cannot_be_written_names_the_setting()
    {
        var file = Path.Combine(_folder, "a-regular-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var result = await RunAsync($"--Newsroom:DataPath={Path.Combine(file, "data")}");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("Newsroom:DataPath");
        result.StandardError.ShouldContain("cannot be written");
        result.StandardError.ShouldNotContain("   at ");
    }

    private async Task<WebProcess.Result> RunAsync(params string[] arguments)
    {
        var result = await WebProcess.RunAsync([.. arguments, "--urls=http://127.0.0.1:0"], s_timeout);
        output.WriteLine($"exit {result.ExitCode}{(result.TimedOut ? " (timed out)" : "")}\n--- stderr\n{result.StandardError}\n--- stdout\n{result.StandardOutput}");
        result.TimedOut.ShouldBeFalse("the process must stop by itself");
        return result;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The real process on a fresh data folder: starts, answers /health, makes one key, and stops cleanly.</summary>
public sealed class ProcessStartTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsroom-process-").FullName;

    [Fact]
    public async Task The_site_starts_on_a_fresh_data_folder_and_answers_health()
    {
        var port = WebProcess.UnusedPort();
        var dataPath = Path.Combine(_folder, "data");
        using var process = WebProcess.Start([$"--urls=http://127.0.0.1:{port}", $"--Newsroom:DataPath={dataPath}", "--Newsroom:Setup:Recipe=empty"]);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            HttpResponseMessage? health = null;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    health = await http.GetAsync("/health");
                    break;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }

            health.ShouldNotBeNull("the site never answered");
            health.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            File.Exists(Path.Combine(dataPath, "newsroom.db")).ShouldBeTrue();
            Directory.GetFiles(Path.Combine(dataPath, "keys"), "key-*.xml").Length.ShouldBe(1);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            output.WriteLine($"--- stderr\n{await stderr}\n--- stdout\n{await stdout}");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
