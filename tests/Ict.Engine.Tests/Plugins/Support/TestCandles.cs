using Ict.Abstractions;

namespace Ict.Engine.Tests.Plugins.Support;

internal static class TestCandles
{
    public static Candle One() =>
        new(new Symbol("BTCUSDT"), Interval.Parse("15m"), DateTimeOffset.FromUnixTimeMilliseconds(1704067200000), 42000m, 42010m, 41990m, 42001.0m, 1m);
}
