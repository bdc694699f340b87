namespace Ict.SampleData;

/// <summary>One generated candle: open time in Unix milliseconds (UTC), prices on the tick, volume in base units.</summary>
internal readonly record struct SampleCandle(long OpenTimeMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
