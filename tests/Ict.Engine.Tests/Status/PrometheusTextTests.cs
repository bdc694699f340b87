using Ict.Engine.Status;

namespace Ict.Engine.Tests.Status;

public sealed class PrometheusTextTests
{
    private static readonly DateTimeOffset Taken = StatusSamples.Started.AddMinutes(90);

    [Fact]
    public void Every_family_has_HELP_then_TYPE_and_counters_end_in_total()
    {
        var lines = PrometheusText.Render(StatusSamples.Snapshot(Taken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var families = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            families++;
            var name = lines[i].Split(' ')[2];
            var type = lines[i + 1].Split(' ');
            Assert.Equal(["#", "TYPE", name], type[..3]);
            Assert.Equal(type[3] == "counter", name.EndsWith("_total", StringComparison.Ordinal));
        }

        Assert.True(families >= 15, $"{families} families");
        Assert.All(lines.Where(l => !l.StartsWith('#')), l => Assert.Matches(@"^ict_[a-z_]+(\{[a-z]+=""[^""]*""\})? -?[0-9.E+-]+$", l));
    }

    [Fact]
    public void The_samples_carry_the_snapshot_figures()
    {
        var text = PrometheusText.Render(StatusSamples.Snapshot(Taken));

        Assert.Contains("\nict_candles_processed_total 1234\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_signals_total 12\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_signal_rejections_total{reason=\"Cooldown\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_signal_rejections_total{reason=\"MaxDailyTrades\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_orders_total{status=\"placed\"} 20\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_orders_total{status=\"filled\"} 15\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_orders_total{status=\"canceled\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_orders_total{status=\"rejected\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_plugin_faults_total 2\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_reconnects_total 4\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_equity{asset=\"USDT\"} 10062.25\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_open_positions 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_event_lag_seconds 0.25\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_event_lag_max_seconds 2\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_uptime_seconds 5400\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_trading_paused 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_plugins{state=\"faulted\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nict_plugins{state=\"loaded\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_value_escapes_backslash_quote_and_newline()
    {
        var text = PrometheusText.Render(StatusSamples.Snapshot(Taken, new Dictionary<string, long> { ["a \"b\"\\c\nd"] = 3 }));

        Assert.Contains("ict_signal_rejections_total{reason=\"a \\\"b\\\"\\\\c\\nd\"} 3\n", text, StringComparison.Ordinal);
    }
}
