using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Newsroom.OutputCache.Stores;

/// <summary>
/// The output-cache store that several nodes share, on Redis. Made only when a Redis configuration
/// is set: a site without Redis never loads StackExchange.Redis (registering the store up front did,
/// in every process, for nothing).
/// </summary>
internal static class RedisOutputStore
{
    public const string InstanceName = "newsroom-output:";

    // Never inlined into its caller: compiling the caller must not load the Redis assemblies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IOutputCacheStore Create(string configuration, IServiceProvider services)
    {
        // The package registers its (internal) store type; take the type from there, and give it our options.
        var registrations = new ServiceCollection();
        registrations.AddStackExchangeRedisOutputCache(_ => { });
        var store = registrations.Last(d => d.ServiceType == typeof(IOutputCacheStore)).ImplementationType
            ?? throw new InvalidOperationException("The Redis output cache package registered no store type.");
        var options = Options.Create(new RedisOutputCacheOptions { Configuration = configuration, InstanceName = InstanceName });
        return (IOutputCacheStore)ActivatorUtilities.CreateInstance(services, store, options);
    }
}
