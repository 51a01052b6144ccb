using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Newsroom.Benchmarks.Load;

/// <summary>What one wrk run measured.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors);

/// <summary>
/// Runs <c>wrk -t2 -c32 -d{s}s --latency</c> against a loopback URL and reads its report. wrk stops by
/// itself after the duration; the process is killed if it overstays by 30 s.
/// </summary>
public static partial class Wrk
{
    public const int Threads = 2;
    public const int Connections = 32;

    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "wrk")));

    public static async Task<WrkResult> RunAsync(Uri url, int seconds, IReadOnlyList<string> headers, CancellationToken cancellationToken, int connections = Connections)
    {
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"Load stays on loopback; {url} is not.", nameof(url));
        }

        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"-t{Threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "10s" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var overstay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overstay.CancelAfter(TimeSpan.FromSeconds(seconds + 30));
        try
        {
            await process.WaitForExitAsync(overstay.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"wrk did not stop after {seconds + 30} s.");
        }

        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {await error}{text}");
        }

        return Parse(text);
    }

    public static WrkResult Parse(string report)
    {
        var rps = Number(RequestsPerSecondLine().Match(report), "Requests/sec", report);
        var p50 = Latency(report, "50%");
        var p99 = Latency(report, "99%");
        var requests = RequestsLine().Match(report) is { Success: true } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var non2xx = Non2xxLine().Match(report) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrorsLine().Match(report) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(rps, p50, p99, requests, non2xx, socket);
    }

    private static double Latency(string report, string percentile)
    {
        var match = Regex.Match(report, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        var value = Number(match, percentile, report);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    private static double Number(Match match, string what, string report) =>
        match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new FormatException($"wrk's report has no {what} line:\n{report}");

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
