using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Newsroom.Benchmarks.Corpus;

namespace Newsroom.Benchmarks.Load;

/// <summary>
/// The site as readers get it: <c>dotnet Newsroom.Web.dll</c> in Release, Production environment, its
/// own process on a free loopback port, pointed at the corpus. Its output goes to a log file next to the corpus.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _perfMapFolder;
    private long _perfMapRead;
    private long _compiledMethods;

    private SiteProcess(Process process, StreamWriter log, Uri baseAddress, string perfMapFolder)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        _perfMapFolder = perfMapFolder;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>From process start to the first 200 on <c>/health</c>.</summary>
    public TimeSpan HealthStartup { get; private set; }

    /// <summary>From process start to the first answer of the home page, and its status.</summary>
    public TimeSpan HomeStartup { get; private set; }

    public int HomeStatus { get; private set; }

    private const string GcGen0SizeVariable = "DOTNET_GCgen0size";

    /// <summary>Set to 3, the runtime writes a line per compiled method to perf-PID.map (and no jitdump).</summary>
    private const string PerfMapVariable = "DOTNET_PerfMapEnabled";

    /// <summary>The folder the perf map goes to (the runtime's default is /tmp).</summary>
    private const string PerfMapFolderVariable = "DOTNET_PerfMapJitDumpPath";

    /// <summary>glibc's limit on malloc arenas, read when the process starts.</summary>
    private const string MallocArenaMaxVariable = "MALLOC_ARENA_MAX";

    private const string MallocArenaMax = "2";

    /// <summary>8 MB, in the hexadecimal the runtime reads.</summary>
    private const string GcGen0Size = "0x800000";

    public static async Task<SiteProcess> StartAsync(string siteDll, BenchDatabase database, IEnumerable<KeyValuePair<string, string>> extraSettings, string logFile, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(siteDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(siteDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in database.Settings().Concat(extraSettings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The memory settings the README gives for production (Configuration, "Garbage collection"
        // and "Native memory"): the site is measured as it is meant to run.
        start.Environment[GcGen0SizeVariable] = GcGen0Size;
        start.Environment[MallocArenaMaxVariable] = MallocArenaMax;

        // The warm-up watches the site's compiler (see Warmup); the perf map is the one count of
        // compiled methods the runtime gives another process without a diagnostics client.
        var perfMapFolder = Path.Combine(Path.GetTempPath(), "newsroom-bench-jit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(perfMapFolder);
        start.Environment[PerfMapVariable] = "3";
        start.Environment[PerfMapFolderVariable] = perfMapFolder;

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new SiteProcess(process, log, baseAddress, perfMapFolder);
        try
        {
            await site.WaitForStartAsync(clock, logFile, cancellationToken);
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }

        return site;
    }

    private async Task WaitForStartAsync(Stopwatch clock, string logFile, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = TimeSpan.FromMinutes(3);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with code {_process.ExitCode} before answering /health; see {logFile}.");
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"The site did not answer 200 on /health within {deadline.TotalSeconds} s; see {logFile}.");
            }

            try
            {
                using var response = await http.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    HealthStartup = clock.Elapsed;
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20, cancellationToken);
        }

        // The shell is started before Kestrel takes requests, so the first answer of "/" is final.
        using var home = await http.GetAsync("", cancellationToken);
        HomeStartup = clock.Elapsed;
        HomeStatus = (int)home.StatusCode;
    }

    /// <summary>Methods the site's runtime has compiled so far (lines of its perf map); null when there is no map.</summary>
    public long? CompiledMethods()
    {
        var map = Path.Combine(_perfMapFolder, $"perf-{_process.Id}.map");
        if (!File.Exists(map))
        {
            return null;
        }

        // Only what was appended since the last call is read: the map grows to megabytes.
        using var stream = new FileStream(map, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(_perfMapRead, SeekOrigin.Begin);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            _compiledMethods += buffer.AsSpan(0, read).Count((byte)'\n');
            _perfMapRead += read;
        }

        return _compiledMethods;
    }

    /// <summary>Peak resident memory of the process so far (VmHWM), in bytes; null off Linux.</summary>
    public long? PeakResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported by the caller's log; nothing more to do.
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
        if (Directory.Exists(_perfMapFolder))
        {
            Directory.Delete(_perfMapFolder, recursive: true);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
