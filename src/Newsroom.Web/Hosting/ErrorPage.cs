using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace Newsroom.Web.Hosting;

/// <summary>
/// The production error answer: no stack trace, only a correlation id that is also in the log, so
/// support can find the failure from what the reader reports.
/// </summary>
internal static class ErrorPage
{
    public static async Task WriteAsync(HttpContext context, ILogger logger)
    {
        var correlationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        logger.LogError(error, "Unhandled error {CorrelationId} on {Method} {Path}", correlationId, context.Request.Method, context.Request.Path);

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Correlation-Id"] = correlationId;
        if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await context.Response.WriteAsJsonAsync(new { title = "Something went wrong.", correlationId });
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Something went wrong</title></head>" +
            $"<body><main><h1>Something went wrong</h1><p>We could not show this page. If it keeps happening, tell us this reference: " +
            $"<code>{WebUtility.HtmlEncode(correlationId)}</code>.</p><p><a href=\"/\">Go to the front page</a></p></main></body></html>");
    }
}
