using System.Diagnostics;

namespace ChatCrm.Cli;

/// <summary>Latency percentiles from Stopwatch timestamps, for the bench verb's report.</summary>
public sealed class LatencyStats
{
    private readonly List<long> _ticks = [];

    public int Count => _ticks.Count;

    public void Add(long elapsedTicks)
    {
        lock (_ticks)
        {
            _ticks.Add(elapsedTicks);
        }
    }

    public double PercentileMs(double percentile)
    {
        lock (_ticks)
        {
            if (_ticks.Count == 0)
            {
                return 0;
            }

            _ticks.Sort();
            var index = (int)Math.Ceiling(percentile / 100 * _ticks.Count) - 1;
            return _ticks[Math.Clamp(index, 0, _ticks.Count - 1)] * 1000.0 / Stopwatch.Frequency;
        }
    }

    /// <summary>With one more percentile beside the median (p95 for targets stated as p95).</summary>
    public string Describe(double percentile) =>
        FormattableString.Invariant($"p50 {PercentileMs(50):0.000} ms, p{percentile:0} {PercentileMs(percentile):0.000} ms, p99 {PercentileMs(99):0.000} ms, max {PercentileMs(100):0.000} ms over {Count} samples");

    public string Describe() =>
        FormattableString.Invariant($"p50 {PercentileMs(50):0.000} ms, p99 {PercentileMs(99):0.000} ms, max {PercentileMs(100):0.000} ms over {Count} samples");
}
