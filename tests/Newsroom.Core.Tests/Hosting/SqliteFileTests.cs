using System.Net;
using Microsoft.Data.Sqlite;
using Newsroom.Data;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Core.Tests.Hosting;

/// <summary>How the site lays out its SQLite file (see DatabaseProvider.SqlitePragmas).</summary>
public sealed class SqliteFileTests
{
    [Fact]
    public async Task A_new_database_is_written_in_16_KiB_pages_with_a_write_ahead_log()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using (var site = new NewsroomSite(database, "empty"))
        {
            using var client = site.CreateClient();
            (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await PragmaAsync(database, "page_size")).ShouldBe(16_384L);
        (await PragmaAsync(database, "journal_mode")).ShouldBe("wal");
    }

    [Fact]
    public async Task A_database_made_with_4_KiB_pages_keeps_them_and_the_site_sets_up_on_it()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using (var connection = Open(database))
        {
            await using var command = connection.CreateCommand();
            // Written once, so the page size is fixed before the site sees the file.
            command.CommandText = "PRAGMA page_size = 4096; CREATE TABLE \"Made\" (\"Id\" INTEGER); DROP TABLE \"Made\";";
            await command.ExecuteNonQueryAsync();
        }

        await using (var site = new NewsroomSite(database, "empty"))
        {
            using var client = site.CreateClient();
            (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await PragmaAsync(database, "page_size")).ShouldBe(4_096L);
        (await PragmaAsync(database, "journal_mode")).ShouldBe("wal");
        (await ScalarAsync(database, "SELECT count(*) FROM \"DataMigrations\"")).ShouldBeOfType<long>().ShouldBeGreaterThan(0);
    }

    private static Task<object?> PragmaAsync(TestDatabase database, string name) => ScalarAsync(database, $"PRAGMA {name}");

    private static async Task<object?> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The file the site uses, found the way the site finds it.</summary>
    private static SqliteConnection Open(TestDatabase database)
    {
        var connection = new SqliteConnection(DatabaseProvider.ResolveConnectionString(new DatabaseOptions(), database.DataPath));
        connection.Open();
        return connection;
    }
}
