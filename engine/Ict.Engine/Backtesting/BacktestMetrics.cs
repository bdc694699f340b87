using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Ict.Engine.Backtesting;

/// <summary>What a trader checks after a backtest. Ratios are null where they are undefined (no losses, no days).</summary>
public sealed record BacktestMetrics
{
    public long Candles { get; init; }

    public int Trades { get; init; }

    public int Wins { get; init; }

    /// <summary>Winning trades as a percentage of all trades.</summary>
    public decimal WinRate { get; init; }

    public decimal NetPnl { get; init; }

    public decimal GrossProfit { get; init; }

    public decimal GrossLoss { get; init; }

    /// <summary>Gross profit over gross loss; null when nothing was lost.</summary>
    public decimal? ProfitFactor { get; init; }

    /// <summary>Average net profit per trade.</summary>
    public decimal Expectancy { get; init; }

    /// <summary>Average of net profit over initial risk (entry to stop × size).</summary>
    public decimal AverageR { get; init; }

    public decimal Fees { get; init; }

    public decimal MaxDrawdown { get; init; }

    [JsonPropertyName("maxDrawdownPct")]
    public decimal MaxDrawdownPercent { get; init; }

    /// <summary>Annualised (√365) Sharpe ratio of daily equity returns.</summary>
    public double Sharpe { get; init; }

    /// <summary>Annualised (√365) Sortino ratio of daily equity returns.</summary>
    public double Sortino { get; init; }

    /// <summary>Percentage of candles with a position open.</summary>
    [JsonPropertyName("exposurePct")]
    public decimal ExposurePercent { get; init; }

    public decimal StartingBalance { get; init; }

    public decimal FinalBalance { get; init; }

    /// <summary>SHA-256 of the trade list (one canonical line per trade): equal hashes, equal trades.</summary>
    public string TradeHash { get; init; } = "";

    public static BacktestMetrics Compute(BacktestRecorder recorder, Kernel.RunStatistics statistics, decimal startingBalance, decimal finalBalance)
    {
        var trades = recorder.Trades;
        var wins = trades.Count(t => t.Trade.NetPnl > 0);
        var grossProfit = trades.Where(t => t.Trade.NetPnl > 0).Sum(t => t.Trade.NetPnl);
        var grossLoss = -trades.Where(t => t.Trade.NetPnl < 0).Sum(t => t.Trade.NetPnl);
        var rMultiples = trades.Where(t => t.InitialRisk > 0).Select(t => t.Trade.NetPnl / t.InitialRisk).ToList();
        var returns = DailyReturns(recorder, startingBalance);
        return new BacktestMetrics
        {
            Candles = statistics.Candles,
            Trades = trades.Count,
            Wins = wins,
            WinRate = trades.Count == 0 ? 0m : Math.Round((decimal)wins / trades.Count * 100m, 4),
            NetPnl = trades.Sum(t => t.Trade.NetPnl),
            GrossProfit = grossProfit,
            GrossLoss = grossLoss,
            ProfitFactor = grossLoss == 0 ? null : Math.Round(grossProfit / grossLoss, 6),
            Expectancy = trades.Count == 0 ? 0m : Math.Round(trades.Sum(t => t.Trade.NetPnl) / trades.Count, 6),
            AverageR = rMultiples.Count == 0 ? 0m : Math.Round(rMultiples.Average(), 6),
            Fees = trades.Sum(t => t.Trade.Fees),
            MaxDrawdown = Math.Round(statistics.MaxDrawdown, 6),
            MaxDrawdownPercent = Math.Round(statistics.MaxDrawdownPercent, 6),
            Sharpe = Math.Round(Ratio(returns, downsideOnly: false), 6),
            Sortino = Math.Round(Ratio(returns, downsideOnly: true), 6),
            ExposurePercent = statistics.Candles == 0 ? 0m : Math.Round((decimal)recorder.CandlesWithExposure / statistics.Candles * 100m, 4),
            StartingBalance = startingBalance,
            FinalBalance = finalBalance,
            TradeHash = Hash(trades.Select(t => t.Trade)),
        };
    }

    /// <summary>The canonical trade-list hash: one line per trade, exact decimals without trailing zeros.</summary>
    public static string Hash(IEnumerable<Abstractions.TradeView> trades)
    {
        var text = new StringBuilder();
        foreach (var t in trades)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.StrategyId}|{t.Symbol}|{t.Side}|{N(t.Quantity)}|{N(t.EntryPrice)}|{N(t.ExitPrice)}|")
                .Append(CultureInfo.InvariantCulture, $"{t.OpenedAt.ToUnixTimeMilliseconds()}|{t.ClosedAt.ToUnixTimeMilliseconds()}|{N(t.NetPnl)}|{t.ExitReason}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string N(decimal value) => DecimalText.Exact(value);

    private static List<double> DailyReturns(BacktestRecorder recorder, decimal startingBalance)
    {
        var returns = new List<double>(recorder.DailyEquity.Count);
        var previous = startingBalance;
        foreach (var (_, equity) in recorder.DailyEquity)
        {
            if (previous != 0)
            {
                returns.Add((double)((equity - previous) / previous));
            }

            previous = equity;
        }

        return returns;
    }

    private static double Ratio(List<double> returns, bool downsideOnly)
    {
        if (returns.Count < 2)
        {
            return 0;
        }

        var mean = returns.Average();
        var deviation = downsideOnly
            ? Math.Sqrt(returns.Sum(r => Math.Min(r, 0) * Math.Min(r, 0)) / returns.Count)
            : Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1));
        return deviation == 0 ? 0 : mean / deviation * Math.Sqrt(365);
    }
}
