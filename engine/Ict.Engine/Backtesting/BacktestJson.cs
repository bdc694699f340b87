using System.Text.Json;

namespace Ict.Engine.Backtesting;

/// <summary>camelCase JSON for metrics, as printed by <c>ict backtest --json</c> and stored with the run.</summary>
public static class BacktestJson
{
    public static JsonSerializerOptions Options { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
