using System.Reflection;
using Ict.Abstractions;

namespace Ict.Bench;

/// <summary>
/// The ict.ob-fvg plugin's own OnCandle over the array, called directly with a context that only counts what it is
/// told (no position is ever open): the strategy's whole cost through the plugin interface, without the engine.
/// Its default settings are the shipped engine.json's.
/// </summary>
internal static class StrategyAlone
{
    public static int Run(Candle[] candles)
    {
        var path = Path.Combine(BenchData.RepoRoot, "artifacts", "plugins", "Ict.Strategies", "Ict.Strategies.dll");
        var type = Assembly.LoadFrom(path).GetType("Ict.Strategies.ObFvg.ObFvgStrategy", throwOnError: true)!;
        var strategy = (IStrategy)Activator.CreateInstance(type)!;
        var context = new CountingContext();
        foreach (var candle in candles)
        {
            strategy.OnCandle(candle, context);
        }

        return context.Patterns + context.Signals;
    }

    private sealed class CountingContext : IStrategyContext, IPluginLogger
    {
        public int Patterns { get; private set; }

        public int Signals { get; private set; }

        public DateTimeOffset Now => DateTimeOffset.UnixEpoch;

        public IPluginLogger Log => this;

        public PositionView? GetPosition(Symbol symbol) => null;

        public void ReportPattern(Pattern pattern) => Patterns++;

        public void Signal(EntrySignal signal) => Signals++;

        public void Info(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Error(string message, Exception? exception = null)
        {
        }
    }
}
