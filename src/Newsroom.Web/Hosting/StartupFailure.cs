using System.Net.Sockets;
using Newsroom.Modules;
using Newsroom.Recipes;
using Npgsql;

namespace Newsroom.Web.Hosting;

/// <summary>Tells a start-up problem the operator can fix from a bug, and says it plainly.</summary>
internal static class StartupFailure
{
    public static bool IsStartupError(Exception ex) => Unwrap(ex) is InvalidOperationException or ModuleDependencyException
        or NpgsqlException or SocketException or RecipeException or Microsoft.Data.Sqlite.SqliteException;

    public static string Describe(Exception ex)
    {
        // EF Core wraps a refused connection in "a transient failure" InvalidOperationException:
        // the useful part is the database's own error further in.
        if (Chain(ex).FirstOrDefault(e => e is NpgsqlException or SocketException) is { } database)
        {
            var cause = Chain(database).Last();
            return $"the PostgreSQL database cannot be reached ({cause.Message}). Check Newsroom:Database:ConnectionString.";
        }

        return Unwrap(ex).Message;
    }

    private static IEnumerable<Exception> Chain(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            yield return ex;
        }
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerException: { } inner })
        {
            ex = inner;
        }

        return ex;
    }
}
