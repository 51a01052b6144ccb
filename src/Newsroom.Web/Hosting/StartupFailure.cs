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
        var inner = Unwrap(ex);
        return inner switch
        {
            NpgsqlException or SocketException => $"the PostgreSQL database cannot be reached ({inner.Message}). Check Newsroom:Database:ConnectionString.",
            _ => inner.Message,
        };
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
