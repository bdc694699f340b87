using System.Diagnostics;
using Ict.Engine.Status;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Status;

public sealed class StatusFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SteppedClock _clock = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void It_lives_beside_the_database()
    {
        Assert.Equal(Path.Combine(_temp.Path, "state", "status.json"), StatusFile.PathFor(Path.Combine(_temp.Path, "state", "ict.db")));
    }

    [Fact]
    public void Snapshots_closer_than_the_interval_are_not_written_and_the_last_one_is_written_as_stopped()
    {
        var file = new StatusFile(_temp.File("status.json"), TimeSpan.FromSeconds(2), _clock);
        var t0 = StatusSamples.Started.AddMinutes(1);

        file.Observe(StatusSamples.Snapshot(t0, candles: 1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        file.Observe(StatusSamples.Snapshot(t0.AddSeconds(1), candles: 2)); // within the interval: skipped
        Assert.Equal(1, Read().Counters.Candles);

        _clock.Advance(TimeSpan.FromSeconds(1));
        file.Observe(StatusSamples.Snapshot(t0.AddSeconds(2), candles: 3));
        var running = Read();
        Assert.Equal(("running", 3L), (running.State, running.Counters.Candles));

        file.Finish(StatusSamples.Snapshot(t0.AddSeconds(2.5), candles: 4)); // not throttled
        _clock.Advance(TimeSpan.FromSeconds(10));
        file.Observe(StatusSamples.Snapshot(t0.AddSeconds(12), candles: 5)); // after the end: ignored
        var stopped = Read();
        Assert.Equal(("stopped", 4L), (stopped.State, stopped.Counters.Candles));
        Assert.False(File.Exists(_temp.File("status.json.tmp")));
    }

    [Fact]
    public void The_file_round_trips_the_figures_an_operator_reads()
    {
        var file = new StatusFile(_temp.File("status.json"), TimeSpan.FromSeconds(2), _clock) { MetricsUrl = "http://127.0.0.1:9464/metrics" };
        file.Observe(StatusSamples.Snapshot(StatusSamples.Started.AddMinutes(90)));

        var status = Read();

        Assert.Equal(Environment.ProcessId, status.Pid);
        Assert.Equal(5400, status.UptimeSeconds);
        Assert.Equal(("paper", 7L, "/srv/ict/state/ict.db", "http://127.0.0.1:9464/metrics"), (status.Mode, status.RunId, status.Database, status.MetricsUrl));
        Assert.Equal((10_062.25m, 10_050.5m, -3.5m, 2, 5), (status.Equity, status.Balance, status.TodayPnl, status.TradesToday, status.TradesPerDayLimit));
        var position = Assert.Single(status.Positions);
        Assert.Equal(("BTCUSDT", "long", 0.02m, 42_000m, 42_587.5m, 11.75m, 41_500m, 43_000m), (position.Symbol, position.Side, position.Quantity, position.EntryPrice, position.MarkPrice, position.UnrealizedPnl, position.StopLoss, position.TakeProfit));
        Assert.Equal(["ict.ob-fvg:loaded", "broken:faulted"], status.Plugins.Select(p => $"{p.Id}:{p.State}"));
        Assert.Equal("boom", status.LastError!.Text);
        Assert.Equal(2, status.Counters.RejectionsByReason["Cooldown"]);
        Assert.Equal(0.25, status.EventLagSeconds);
        Assert.Equal(4, status.Reconnects);
        Assert.True(StatusFile.IsWriterAlive(status)); // this test process wrote it
    }

    [Fact]
    public void A_pid_reused_by_another_process_does_not_count_as_the_engine()
    {
        var file = new StatusFile(_temp.File("status.json"), TimeSpan.FromSeconds(2), _clock);
        file.Observe(StatusSamples.Snapshot(StatusSamples.Started));
        var status = Read();

        Assert.False(StatusFile.IsWriterAlive(status with { ProcessStartedAt = status.ProcessStartedAt!.Value.AddMinutes(-5) }));
    }

    [Fact]
    public void A_missing_or_half_written_file_reads_as_none()
    {
        Assert.Null(StatusFile.Read(_temp.File("status.json")));
        Assert.Null(StatusFile.Read(_temp.Write("torn.json", "{\"state\":\"running\",\"pid\":")));
    }

    [Theory]
    [InlineData("stopped", true, 1, EngineLiveness.Stopped)]
    [InlineData("running", false, 1, EngineLiveness.Dead)]
    [InlineData("running", true, 1, EngineLiveness.Running)]
    [InlineData("running", true, 10, EngineLiveness.Running)] // 3 × 2 s + 5 s = 11 s allowed
    [InlineData("running", true, 12, EngineLiveness.Stale)]
    public void Liveness_is_judged_from_the_state_the_process_and_the_age(string state, bool alive, int ageSeconds, EngineLiveness expected)
    {
        var file = new StatusFile(_temp.File("status.json"), TimeSpan.FromSeconds(2), _clock);
        var written = StatusSamples.Started.AddMinutes(5);
        file.Observe(StatusSamples.Snapshot(written));
        var status = Read() with { State = state };

        Assert.Equal(expected, StatusLivenessCheck.Judge(status, written.AddSeconds(ageSeconds), _ => alive));
    }

    private StatusDocument Read() => StatusFile.Read(_temp.File("status.json")) ?? throw new InvalidOperationException("no status file");

    /// <summary>A monotonic clock the test moves by hand.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = Stopwatch.Frequency;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
