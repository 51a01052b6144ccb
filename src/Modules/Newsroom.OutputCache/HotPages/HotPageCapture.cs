using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Newsroom.OutputCache.Policies;

namespace Newsroom.OutputCache.HotPages;

/// <summary>
/// Inside the output cache middleware (and outside the tagging one): copies the bytes of a response
/// the output cache is about to store into <see cref="HotPageCache"/>, with the same headers and tags.
/// Only a miss runs this; the copy costs one buffer per rendered page.
/// </summary>
internal static class HotPageCapture
{
    // Pages larger than this are left to the output cache alone.
    private const int MaxPageBytes = 1024 * 1024;

    // Sent by Kestrel or per response, never replayed.
    private static readonly HashSet<string> s_notReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding,
        HeaderNames.SetCookie, HeaderNames.Connection, PublicPagePolicy.CacheHeader,
    };

    public static IApplicationBuilder UseHotPageCapture(this IApplicationBuilder app)
    {
        var requests = app.ApplicationServices.GetRequiredService<HotPageRequests>();
        if (!requests.Enabled)
        {
            return app;
        }

        var cache = app.ApplicationServices.GetRequiredService<HotPageCache>();
        var duration = TimeSpan.FromSeconds(app.ApplicationServices.GetRequiredService<IOptions<OutputCacheSettings>>().Value.ServerDurationSeconds);
        return app.Use(async (context, next) =>
        {
            if (context.Features.Get<IOutputCacheFeature>()?.Context is not { AllowCacheStorage: true } || !await requests.IsEligibleAsync(context.Request))
            {
                await next(context);
                return;
            }

            var generation = cache.Generation;
            var original = context.Response.Body;
            await using var copy = new CopyingStream(original, MaxPageBytes);
            context.Response.Body = copy;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            if (Storable(context) is { } tags && copy.Copy is { } body)
            {
                var headers = context.Response.Headers.Where(h => !s_notReplayed.Contains(h.Key)).ToArray();
                var etag = context.Response.Headers.ETag.ToString();
                var storedAt = Environment.TickCount64;
                var validFor = context.Features.Get<IOutputCacheFeature>()?.Context.ResponseExpirationTimeSpan ?? duration;
                var page = new HotPage(body, etag, headers, tags, storedAt, storedAt + (long)validFor.TotalMilliseconds);
                cache.Add(HotPageRequests.KeyOf(context.Request), page, generation);
            }
        });
    }

    /// <summary>The entry's tags when the output cache will store this response (the policy's own test), else null.</summary>
    private static string[]? Storable(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true } cache
        && PublicPagePolicy.IsStorable(context)
        && !StringValues.IsNullOrEmpty(context.Response.Headers.ETag)
            ? [.. cache.Tags]
            : null;

    /// <summary>Writes through to the response and keeps a copy, until the copy would pass its limit.</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? _copy = new();

        public byte[]? Copy => _copy?.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_copy is null)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                _copy = null;
                return;
            }

            _copy.Write(bytes);
        }
    }
}
