using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsroom.Data;
using Newsroom.Modules.Shells;
using Newsroom.Web.Hosting;

namespace Newsroom.Benchmarks.Corpus;

/// <summary>
/// Where a corpus lives and how to reach it: the site's data folder, the database, and the first
/// administrator the setup creates. The same settings start the in-process site (to import) and the
/// site process (to load).
/// </summary>
public sealed record BenchDatabase(string DataPath, string Provider, string? ConnectionString)
{
    public const string AdminUserName = "benchadmin";
    public const string AdminEmail = "benchadmin@example.com";

    /// <summary>Generated per corpus folder and kept in its manifest; never a default password.</summary>
    public string AdminPassword { get; init; } = "Bench-" + Guid.NewGuid().ToString("N")[..12] + "!a1";

    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Newsroom:DataPath", DataPath);
        yield return new("Newsroom:Database:Provider", Provider);
        if (ConnectionString is not null)
        {
            yield return new("Newsroom:Database:ConnectionString", ConnectionString);
        }

        // Setup runs in the generator; the Users module (when present) creates this administrator then.
        yield return new("Newsroom:Setup:Recipe", "empty");
        yield return new("Newsroom:Setup:AdminUserName", AdminUserName);
        yield return new("Newsroom:Setup:AdminEmail", AdminEmail);
        yield return new("Newsroom:Setup:AdminPassword", AdminPassword);
    }
}

/// <summary>
/// The real Newsroom host (the web app's own <c>AddNewsroom</c>/<c>UseNewsroom</c>), started in this
/// process on a throwaway loopback port so the generator can use the shell's services.
/// </summary>
public sealed class BenchSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchSite(WebApplication app) => _app = app;

    public ShellHost Shells => _app.Services.GetRequiredService<ShellHost>();

    public AsyncServiceScope CreateShellScope() => Shells.Current.ServiceProvider.CreateAsyncScope();

    public static async Task<BenchSite> StartAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(database.Settings());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddNewsroom();
        var app = builder.Build();
        app.UseNewsroom();
        await app.StartAsync(cancellationToken);
        return new BenchSite(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
