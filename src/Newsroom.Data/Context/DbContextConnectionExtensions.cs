using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Newsroom.Data;

public static class DbContextConnectionExtensions
{
    /// <summary>
    /// Opens the context's connection and keeps it for the rest of the scope (disposing the context
    /// returns it to the pool). EF otherwise opens and closes it around every query: a public page
    /// runs a dozen or more, and each open takes the pool's lock and re-runs the connection set-up,
    /// which profiling showed as the largest single cost of an uncached page on SQLite.
    /// </summary>
    public static async Task HoldConnectionAsync(this NewsroomDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.GetDbConnection().State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
    }
}
