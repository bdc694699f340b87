using Ict.Abstractions;
using Ict.Engine.Backtesting;
using Ict.Engine.Events;
using Ict.Engine.Kernel;

namespace Ict.Engine.Tests.Backtesting;

public sealed class BacktestMetricsTests
{
    private static readonly DateTimeOffset Day1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_FromHandMadeTrades_GivesTheTraderFigures()
    {
        var recorder = new BacktestRecorder(expectedCandles: 4);
        var statistics = new RunStatistics();
        // Three trades: +30 (risk 10 → 3R), −10 (risk 10 → −1R), +5 (risk 20 → 0.25R).
        Close(recorder, statistics, 30m, 10m, fees: 1m);
        Close(recorder, statistics, -10m, 10m, fees: 1m);
        Close(recorder, statistics, 5m, 20m, fees: 1m);
        // Equity at the end of three days: 1010, 1000, 1025 from 1000 (returns +1%, −0.990099…%, +2.5%).
        recorder.ObserveCandle(Day1.AddHours(23), 1010m, exposed: true);
        recorder.ObserveCandle(Day1.AddDays(1).AddHours(23), 1000m, exposed: false);
        recorder.ObserveCandle(Day1.AddDays(2).AddHours(23), 1025m, exposed: false);
        recorder.Finish(Day1.AddDays(2).AddHours(23), 1025m);
        for (var i = 0; i < 3; i++)
        {
            statistics.CountCandle();
        }

        var m = BacktestMetrics.Compute(recorder, statistics, 1000m, 1025m);

        Assert.Equal(3, m.Trades);
        Assert.Equal(2, m.Wins);
        Assert.Equal(66.6667m, m.WinRate);
        Assert.Equal(25m, m.NetPnl);
        Assert.Equal(3.5m, m.ProfitFactor);          // 35 / 10
        Assert.Equal(8.333333m, m.Expectancy);       // 25 / 3
        Assert.Equal(0.75m, m.AverageR);             // (3 − 1 + 0.25) / 3
        Assert.Equal(3m, m.Fees);
        Assert.Equal(33.3333m, m.ExposurePercent);   // 1 candle of 3

        double[] r = [0.01, (1000.0 - 1010.0) / 1010.0, 0.025];
        var mean = r.Average();
        var sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / 2);
        var downside = Math.Sqrt(r.Sum(x => Math.Min(x, 0) * Math.Min(x, 0)) / 3);
        Assert.Equal(mean / sd * Math.Sqrt(365), m.Sharpe, 5);
        Assert.Equal(mean / downside * Math.Sqrt(365), m.Sortino, 5);
    }

    [Fact]
    public void Compute_WithoutLosingTrades_LeavesTheProfitFactorUndefined()
    {
        var recorder = new BacktestRecorder(expectedCandles: 1);
        var statistics = new RunStatistics();
        Close(recorder, statistics, 12m, 6m, fees: 0m);

        Assert.Null(BacktestMetrics.Compute(recorder, statistics, 1000m, 1012m).ProfitFactor);
    }

    [Fact]
    public void TradeHash_ChangesWhenAnyTradeChanges()
    {
        var trade = Trade(10m, 0m);

        Assert.Equal(BacktestMetrics.Hash([trade]), BacktestMetrics.Hash([trade with { }]));
        Assert.NotEqual(BacktestMetrics.Hash([trade]), BacktestMetrics.Hash([trade with { ExitPrice = 111m }]));
        Assert.NotEqual(BacktestMetrics.Hash([trade]), BacktestMetrics.Hash([trade, trade]));
    }

    private static void Close(BacktestRecorder recorder, RunStatistics statistics, decimal net, decimal risk, decimal fees)
    {
        var closed = new PositionClosed(Day1, Trade(net, fees)) { InitialRisk = risk };
        recorder.Handle(closed);
        statistics.Handle(closed);
    }

    private static TradeView Trade(decimal net, decimal fees) =>
        new(new Symbol("BTCUSDT"), PositionSide.Long, 1m, 100m, 110m, Day1, Day1.AddHours(1), net + fees, fees, net, ExitReason.TakeProfit, "s");
}
