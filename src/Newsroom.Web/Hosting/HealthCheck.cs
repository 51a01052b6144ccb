using Newsroom.Data;

namespace Newsroom.Web.Hosting;

/// <summary><c>GET /health</c>: 200 when the database answers, 503 otherwise. For load balancers.</summary>
internal static class HealthCheck
{
    public static async Task WriteAsync(HttpContext context)
    {
        var database = context.RequestServices.GetRequiredService<NewsroomDatabase>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var healthy = await database.CanConnectAsync(timeout.Token);
        context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new { status = healthy ? "healthy" : "unhealthy", database = healthy ? "reachable" : "unreachable" });
    }
}
