using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Data;

namespace Newsroom.OutputCache.Services;

/// <summary>
/// POSTs <c>{"paths": [...], "urls": [...]}</c> to <c>Newsroom:Cdn:PurgeUrl</c>. Fire-and-forget:
/// the publish never waits for the CDN, and a failure is only logged.
/// </summary>
public sealed class CdnPurgeNotifier(
    IHttpClientFactory httpClients,
    IOptions<CdnSettings> options,
    IServiceProvider services,
    ILogger<CdnPurgeNotifier> logger)
{
    public const string HttpClientName = "Newsroom.CdnPurge";

    public void Notify(IReadOnlyCollection<string> paths)
    {
        var purgeUrl = options.Value.PurgeUrl;
        if (string.IsNullOrWhiteSpace(purgeUrl) || paths.Count == 0)
        {
            return;
        }

        var sorted = paths.Order(StringComparer.Ordinal).ToArray();
        _ = Task.Run(() => SendAsync(purgeUrl, sorted));
    }

    private async Task SendAsync(string purgeUrl, string[] paths)
    {
        try
        {
            var baseUrl = await BaseUrlAsync();
            var body = new CdnPurgeRequest(
                paths,
                baseUrl is null ? [] : paths.Select(p => new Uri(baseUrl, p.TrimStart('/')).AbsoluteUri).ToArray());
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(purgeUrl, body);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The CDN purge webhook answered {Status} for {Count} paths", (int)response.StatusCode, paths.Length);
            }
            else
            {
                logger.LogInformation("Asked the CDN to purge {Count} paths", paths.Length);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The CDN purge webhook {Url} failed for {Count} paths", purgeUrl, paths.Length);
        }
    }

    private async Task<Uri?> BaseUrlAsync()
    {
        // The caller's scope may be gone: read the settings in a scope of our own.
        await using var scope = services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var settings = await documents.GetAsync<SiteSettings>();
        return Uri.TryCreate(settings.BaseUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
    }
}

/// <summary>The webhook's body.</summary>
public sealed record CdnPurgeRequest(string[] Paths, string[] Urls);
