using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.DisplayManagement;

public static class DisplayServiceCollectionExtensions
{
    public static IServiceCollection AddDisplayManagement(this IServiceCollection services) => services;
}
