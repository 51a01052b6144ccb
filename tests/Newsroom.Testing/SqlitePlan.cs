using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Testing;

/// <summary>SQLite's EXPLAIN QUERY PLAN for a statement, one line per step, for tests that pin how a query is read.</summary>
public static class SqlitePlan
{
    public static async Task<List<string>> ExplainAsync(NewsroomDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
