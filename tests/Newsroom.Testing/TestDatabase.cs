using Xunit;
using Npgsql;

namespace Newsroom.Testing;

/// <summary>
/// A database for one test: a SQLite file in a fresh temp folder, or a fresh PostgreSQL database on
/// the server that <c>test.sh</c> started (its connection string is in NEWSROOM_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string provider, string? connectionString, string dataPath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataPath = dataPath;
        _postgresName = postgresName;
    }

    private readonly string? _postgresName;

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Both providers, for <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<string> Providers => new() { Sqlite, Postgres };

    public string Provider { get; }

    public string? ConnectionString { get; }

    /// <summary>The site's data folder (SQLite file, keys, media); deleted on dispose.</summary>
    public string DataPath { get; }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("NEWSROOM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("NEWSROOM_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "newsroom-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        if (provider == Sqlite)
        {
            return new TestDatabase(provider, null, dataPath, null);
        }

        var name = "nr_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, dataPath, name);
    }

    /// <summary>Configuration keys that point the site at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Newsroom:DataPath", DataPath);
        yield return new("Newsroom:Database:Provider", Provider);
        if (ConnectionString is not null)
        {
            yield return new("Newsroom:Database:ConnectionString", ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the temp folder is cleaned by the OS.
        }
    }
}
