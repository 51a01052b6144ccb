using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Newsroom.Benchmarks.Micro;

/// <summary>
/// The <c>micro</c> command: BenchmarkDotNet over the hot paths. In-process toolchain: the benchmarks
/// run in this Release build instead of a generated project (which would rebuild the whole site).
/// Arguments go to BenchmarkDotNet (e.g. <c>--filter *Route*</c>); all benchmarks run when none are given.
/// </summary>
public static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.GetFullPath(Path.Combine("BenchmarkResults", "micro")));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(ContentDeserializeBenchmarks), typeof(ContentStoreBenchmarks), typeof(DisplayBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
