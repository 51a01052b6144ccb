using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsroom.Core.Tests.Infrastructure;
using Newsroom.Core.Tests.Probe;
using Newsroom.Testing;
using Npgsql;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Hosting;

public sealed class HostTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_answers_200_on_a_working_site(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var client = site.Factory.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("database").GetString().ShouldBe("reachable");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Health_answers_503_while_postgresql_refuses_connections_and_200_again_after()
    {
        await using var site = await TestSite.StartAsync(TestDatabase.Postgres);
        using var client = site.Factory.CreateClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var name = new NpgsqlConnectionStringBuilder(site.Database.ConnectionString).Database!;

        // The database stops accepting connections and the site's open ones are cut, as in an outage.
        await AdminAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        try
        {
            var down = await client.GetAsync("/health");
            down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await down.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("database").GetString().ShouldBe("unreachable");
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS true");
        }

        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Data_protection_keys_live_under_the_data_path_one_key_ring_that_survives_a_restart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keysFolder = Path.Combine(database.DataPath, "keys");
        string payload;
        Guid keyId;
        await using (var first = new NewsroomSite(database, "empty"))
        {
            _ = first.Server;
            using (var client = first.CreateClient())
            {
                (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            // The shell's protector is the host's: one key ring, in the data folder.
            var hostProvider = first.Services.GetRequiredService<IDataProtectionProvider>();
            var shellProvider = first.Shell.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
            shellProvider.ShouldBeSameAs(hostProvider);
            payload = shellProvider.CreateProtector("Newsroom.Core.Tests.Cookie").Protect("signed-in as editor");

            var hostKeys = first.Services.GetRequiredService<IKeyManager>().GetAllKeys();
            hostKeys.Count.ShouldBe(1);
            keyId = hostKeys.Single().KeyId;
            first.Shell.ServiceProvider.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).ShouldBe([keyId]);
            Directory.GetFiles(keysFolder, "key-*.xml").Select(Path.GetFileName).ShouldBe([$"key-{keyId}.xml"]);
        }

        await using (var second = new NewsroomSite(database, "empty"))
        {
            _ = second.Server;
            var provider2 = second.Shell.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
            provider2.CreateProtector("Newsroom.Core.Tests.Cookie").Unprotect(payload).ShouldBe("signed-in as editor");
            second.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).ShouldBe([keyId]);
        }

        Directory.GetFiles(keysFolder, "key-*.xml").Length.ShouldBe(1);
    }

    [Fact]
    public async Task The_sql_of_each_request_reaches_the_site_log_when_the_operator_asks_for_it()
    {
        var logs = new CapturingLoggerProvider();
        await using var site = await TestSite.StartAsync(
            TestDatabase.Sqlite,
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" },
            configure: b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = site.Factory.CreateClient();
        logs.Entries.Clear();

        (await client.GetAsync("/no-such-page")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        logs.Entries.ShouldContain(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.Contains("SELECT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_production_error_shows_no_stack_trace_and_logs_a_correlation_id()
    {
        var logs = new CapturingLoggerProvider();
        await using var site = await TestSite.StartAsync(TestDatabase.Sqlite, configure: b => b.ConfigureLogging(l => l.AddProvider(logs)));
        await site.SetFeaturesAsync(enable: [ProbeModule.Id]);
        using var client = site.Factory.CreateClient();

        var response = await client.GetAsync(ProbeStartup.ThrowPath);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Something went wrong");
        body.ShouldNotContain(ProbeStartup.SecretMessage);
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain("ProbeStartup");
        body.ShouldNotContain(" at ");
        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
        correlationId.ShouldNotBeNullOrWhiteSpace();
        body.ShouldContain(correlationId);

        var logged = logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains(correlationId, StringComparison.Ordinal)).ToList();
        logged.ShouldNotBeEmpty();
        logged.ShouldContain(e => e.Exception != null && e.Exception.Message == ProbeStartup.SecretMessage);

        // JSON clients get the same, as JSON.
        using var request = new HttpRequestMessage(HttpMethod.Get, ProbeStartup.ThrowPath);
        request.Headers.Accept.ParseAdd("application/json");
        var json = await client.SendAsync(request);
        json.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var problem = await json.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("correlationId").GetString().ShouldBe(json.Headers.GetValues("X-Correlation-Id").Single());
        (await json.Content.ReadAsStringAsync()).ShouldNotContain(ProbeStartup.SecretMessage);

        // The site still works after the error.
        (await client.GetAsync(ProbeStartup.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
