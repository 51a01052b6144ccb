namespace Newsroom.Data;

/// <summary>The <c>Newsroom</c> configuration section.</summary>
public sealed class NewsroomOptions
{
    public const string Section = "Newsroom";

    /// <summary>Folder for the SQLite file, data-protection keys and media. Relative to the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary><see cref="DatabaseProvider.Sqlite"/> (default) or <see cref="DatabaseProvider.Postgres"/>.</summary>
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite defaults to <c>newsroom.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }
}
