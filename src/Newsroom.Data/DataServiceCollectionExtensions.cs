using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Newsroom.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Shell services for the database: the context, documents and leases.</summary>
    public static IServiceCollection AddNewsroomData(this IServiceCollection services, NewsroomDatabase database)
    {
        services.TryAddSingleton(database);
        services.TryAddSingleton(database.Contributors);
        services.AddScoped(_ => database.CreateDbContext());
        services.TryAddSingleton<DocumentCache>();
        services.TryAddScoped<IDocumentStore, DocumentStore>();
        services.TryAddScoped<ILeaseManager, LeaseManager>();
        services.TryAddScoped<DataMigrationRunner>();
        services.TryAddScoped<ShellFeatureManager>();
        return services;
    }
}
