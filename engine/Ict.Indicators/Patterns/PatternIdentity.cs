using System.Globalization;
using Ict.Abstractions;

namespace Ict.Indicators.Patterns;

/// <summary>The symbol and interval a detector works on, and the stable pattern ids derived from them.</summary>
internal sealed class PatternIdentity
{
    private readonly string _orderBlockPrefix;
    private readonly string _fairValueGapPrefix;

    public PatternIdentity(Symbol symbol, Interval interval)
    {
        Symbol = symbol;
        Interval = interval;
        _orderBlockPrefix = $"ob:{symbol}:{interval}:";
        _fairValueGapPrefix = $"fvg:{symbol}:{interval}:";
    }

    public Symbol Symbol { get; }

    public Interval Interval { get; }

    /// <summary><c>ob:{symbol}:{interval}:{pattern candle open time in unix ms}:{bullish|bearish}</c>.</summary>
    public string OrderBlockId(DateTimeOffset patternTime, Direction direction) =>
        Build(_orderBlockPrefix, patternTime, direction);

    /// <summary><c>fvg:{symbol}:{interval}:{middle candle open time in unix ms}:{bullish|bearish}</c>.</summary>
    public string FairValueGapId(DateTimeOffset patternTime, Direction direction) =>
        Build(_fairValueGapPrefix, patternTime, direction);

    // Formatted straight into the id: no intermediate string for the time.
    private static string Build(string prefix, DateTimeOffset patternTime, Direction direction)
    {
        Span<char> time = stackalloc char[20];
        patternTime.ToUnixTimeMilliseconds().TryFormat(time, out var written, provider: CultureInfo.InvariantCulture);
        return string.Concat(prefix, time[..written], direction == Direction.Bullish ? ":bullish" : ":bearish");
    }
}
