using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Modules.Shells;

namespace Newsroom.Testing;

/// <summary>
/// The real site, in process, on a <see cref="TestDatabase"/>. Requests go through the whole
/// pipeline. Use <see cref="StartKestrel"/> for a real Kestrel port (browser tests).
/// </summary>
public sealed class NewsroomSite : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public NewsroomSite(TestDatabase database, string recipe = "newsroom", IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
    {
        Database = database;
        Clock = clock;
        _settings = new Dictionary<string, string?>(database.Settings()) { ["Newsroom:Setup:Recipe"] = recipe };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }

    /// <summary>What the site logged at Warning and above.</summary>
    public CapturingLoggerProvider Logs { get; } = new(LogLevel.Warning);

    /// <summary>The site's clock when the test moves time itself.</summary>
    public FakeTimeProvider? Clock { get; }

    /// <summary>The running shell (its services are the site's services).</summary>
    public ShellContext Shell => Services.GetRequiredService<ShellHost>().Current;

    /// <summary>A scope of the shell's services, for arranging data and checking the database.</summary>
    public AsyncServiceScope CreateShellScope() => Shell.ServiceProvider.CreateAsyncScope();

    /// <summary>Starts Kestrel on a free loopback port and returns the site's base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = ClientOptions.BaseAddress;
        return address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");

        // The host reads Newsroom:DataPath and the database while Program builds, before
        // ConfigureAppConfiguration callbacks apply (minimal hosting); host settings are visible then.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
