using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Newsroom.Data;

/// <summary>
/// Rows staged with <see cref="NewsroomDbContext.AddInsertOnly{T}"/>, written on SQLite by one reused
/// INSERT command per table. EF's SaveChanges builds the SQL, the parameters and a new native
/// statement for every row it inserts, and tracks the row afterwards: for index rows that are only
/// ever inserted (a new item's), that was most of an import's cost. Values are converted by the
/// properties' own EF type mappings, so a row is stored exactly as SaveChanges would store it.
/// </summary>
internal sealed class InsertOnlyRows : IDisposable
{
    private readonly List<object> _rows = [];
    private readonly Dictionary<Type, Insert> _inserts = [];

    public int Count => _rows.Count;

    public void Add(object row) => _rows.Add(row);

    public void Clear() => _rows.Clear();

    /// <summary>Inserts every staged row in the open transaction; the rows stay staged until <see cref="Clear"/>.</summary>
    public async Task<int> WriteAsync(DbContext db, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Insert-only rows are written inside a transaction.");
        foreach (var row in _rows)
        {
            var insert = Find(db, row.GetType());
            insert.Bind(row, transaction);
            try
            {
                await insert.Command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                // What SaveChanges throws, so callers tell a unique violation (a lost race) the same way.
                throw new DbUpdateException($"An error occurred while inserting a {row.GetType().Name} row (insert-only).", ex);
            }
        }

        return _rows.Count;
    }

    public void Dispose()
    {
        if (_connection is not null)
        {
            _connection.StateChange -= OnConnectionStateChange;
            _connection = null;
        }

        DropStatements();
    }

    // The connection the commands were prepared on: a native statement belongs to one native connection,
    // and a closed connection goes back to the pool, which may hand out another one on the next open.
    private DbConnection? _connection;

    private Insert Find(DbContext db, Type type)
    {
        if (_connection is null)
        {
            _connection = db.Database.GetDbConnection();
            _connection.StateChange += OnConnectionStateChange;
        }

        if (!_inserts.TryGetValue(type, out var insert))
        {
            insert = Insert.Create(db, type);
            _inserts[type] = insert;
        }

        return insert;
    }

    private void OnConnectionStateChange(object? sender, System.Data.StateChangeEventArgs e)
    {
        if (e.CurrentState == System.Data.ConnectionState.Closed)
        {
            DropStatements();
        }
    }

    private void DropStatements()
    {
        foreach (var insert in _inserts.Values)
        {
            insert.Command.Dispose();
        }

        _inserts.Clear();
    }

    private sealed class Insert(DbCommand command, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping, string Name)> columns, IProperty? generatedKey)
    {
        public DbCommand Command { get; } = command;

        public static Insert Create(DbContext db, Type type)
        {
            var entityType = db.Model.FindEntityType(type)
                ?? throw new InvalidOperationException($"{type.Name} is not an entity type of the model.");
            if (entityType.BaseType is not null || entityType.GetDerivedTypes().Any() || entityType.GetComplexProperties().Any()
                || entityType.GetNavigations().Any() || entityType.GetTableName() is not { } tableName)
            {
                throw new NotSupportedException($"{type.Name} cannot be written as an insert-only row: only plain entities mapped to one table can.");
            }

            var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
            var key = entityType.FindPrimaryKey();
            IProperty? generatedKey = null;
            var columns = new List<(IProperty, RelationalTypeMapping, string)>();
            foreach (var property in entityType.GetProperties())
            {
                if (property.IsShadowProperty() || property.GetDefaultValueSql() is not null || property.GetComputedColumnSql() is not null || property.TryGetDefaultValue(out _))
                {
                    throw new NotSupportedException($"{type.Name}.{property.Name} is a shadow, defaulted or computed column: the row cannot be written as insert-only.");
                }

                if (property.ValueGenerated != ValueGenerated.Never)
                {
                    // Only a store-generated key (an identity column) is left to the database, as SaveChanges does.
                    if (key?.Properties is not [var only] || only != property)
                    {
                        throw new NotSupportedException($"{type.Name}.{property.Name} is generated: the row cannot be written as insert-only.");
                    }

                    generatedKey = property;
                    continue;
                }

                columns.Add((property, (RelationalTypeMapping)property.GetRelationalTypeMapping(), "@p" + columns.Count));
            }

            var sql = db.GetService<ISqlGenerationHelper>();
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(tableName, entityType.GetSchema())} " +
                $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Item1.GetColumnName(table)!)))}) " +
                $"VALUES ({string.Join(", ", columns.Select(c => c.Item3))})";
            return new Insert(command, columns, generatedKey);
        }

        public void Bind(object row, DbTransaction transaction)
        {
            if (generatedKey is not null && !generatedKey.GetGetter().HasSentinelValueUsingContainingEntity(row))
            {
                throw new NotSupportedException($"{row.GetType().Name}.{generatedKey.Name} is generated by the database: leave it unset on an insert-only row.");
            }

            Command.Transaction = transaction;
            Command.Parameters.Clear();
            foreach (var (property, mapping, name) in columns)
            {
                // The mapping converts the value (UTC instants, enums as strings) exactly as SaveChanges does.
                Command.Parameters.Add(mapping.CreateParameter(Command, name, property.GetGetter().GetClrValueUsingContainingEntity(row), property.IsNullable));
            }
        }
    }
}
