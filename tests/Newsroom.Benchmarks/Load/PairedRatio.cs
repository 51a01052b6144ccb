namespace Newsroom.Benchmarks.Load;

/// <summary>
/// A scenario's ratio to the in-memory baseline from rounds in which the two are loaded in turn, one
/// window each, so every site figure has a baseline figure taken beside it. On the 2-core machines
/// here one 10-s window of the same server moves by 15 % from the next, and by a third over minutes
/// (the first baseline, measured while the freshly started site settles, came out low in every run);
/// the median of the rounds' ratios is what the ratio targets are read against.
/// </summary>
public sealed record PairedRatio(Scenario Scenario, IReadOnlyList<PairedRound> Rounds)
{
    /// <summary>The median of the rounds' ratios; null when no round measured both.</summary>
    public double? Median
    {
        get
        {
            var ratios = Rounds.Select(r => r.Ratio).OfType<double>().Order().ToList();
            return ratios.Count switch
            {
                0 => null,
                var n when n % 2 == 1 => ratios[n / 2],
                var n => (ratios[(n / 2) - 1] + ratios[n / 2]) / 2,
            };
        }
    }
}

/// <summary>One round: the baseline's window, then the scenario's.</summary>
public sealed record PairedRound(double BaselineRequestsPerSecond, double RequestsPerSecond)
{
    public double? Ratio => BaselineRequestsPerSecond > 0 ? RequestsPerSecond / BaselineRequestsPerSecond : null;
}
