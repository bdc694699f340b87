using System.CommandLine;
using Ict.Console.Commands.Indicators;

namespace Ict.Console.Commands;

/// <summary>
/// <c>ict indicators NAME --input CSV --output CSV [options]</c>: one smartmoneyconcepts-compatible indicator over a candle
/// file, written as smc's CSV (one row per candle, empty field for NaN), or with <c>--causal</c> as the live-safe event log.
/// </summary>
public static class IndicatorsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The indicator: " + string.Join(", ", IndicatorNames.All) + "." };
        name.AcceptOnlyFromAmong([.. IndicatorNames.All]);
        var input = new Option<string>("--input") { Description = "Candle CSV: Date,Open,High,Low,Close[,...] (yyyy.MM.dd HH:mm:ss) or open_time_ms,open,high,low,close,volume.", Required = true };
        var output = new Option<string>("--output") { Description = "The CSV to write.", Required = true };
        var swingLength = new Option<int>("--swing-length") { Description = "Swing length for swings, bos-choch, ob, liquidity, retracements (smc default 50).", DefaultValueFactory = _ => 50 };
        var closeBreak = new Option<bool>("--close-break") { Description = "bos-choch: break on the close (true, default) or the high/low (false).", DefaultValueFactory = _ => true };
        var closeMitigation = new Option<bool>("--close-mitigation") { Description = "ob: mitigate on the body (true) or the wick (false, default)." };
        var rangePercent = new Option<double>("--range-percent") { Description = "liquidity: band as a fraction of the whole range (default 0.01).", DefaultValueFactory = _ => 0.01 };
        var joinConsecutive = new Option<bool>("--join-consecutive") { Description = "fvg: merge consecutive same-direction gaps (default false)." };
        var timeFrame = new Option<string>("--time-frame") { Description = "previous-high-low: 4h, 1D (default) or W.", DefaultValueFactory = _ => "1D" };
        var session = new Option<string>("--session") { Description = "sessions: Sydney, Tokyo, London, \"New York\", \"Asian kill zone\", \"London open kill zone\", \"New York kill zone\", \"london close kill zone\", or Custom." };
        var start = new Option<string>("--start") { Description = "sessions: custom start HH:MM (inclusive)." };
        var end = new Option<string>("--end") { Description = "sessions: custom end HH:MM (inclusive)." };
        var timeZone = new Option<string>("--time-zone") { Description = "sessions: zone of the candle times (default UTC; smc's Etc/GMT sign inversion applies).", DefaultValueFactory = _ => "UTC" };
        var causal = new Option<bool>("--causal") { Description = "Write the causal (streaming, live-safe) events instead of smc's batch output: fvg, swing-highs-lows, bos-choch, ob, liquidity, retracements." };
        var command = new Command("indicators", "Compute one smartmoneyconcepts indicator over a candle file and write it as CSV.")
        {
            name, input, output, swingLength, closeBreak, closeMitigation, rangePercent, joinConsecutive, timeFrame, session, start, end, timeZone, causal,
        };
        command.SetAction(parse =>
        {
            var request = new IndicatorRequest(parse.GetValue(name)!, parse.GetValue(input)!, parse.GetValue(output)!)
            {
                SwingLength = parse.GetValue(swingLength),
                CloseBreak = parse.GetValue(closeBreak),
                CloseMitigation = parse.GetValue(closeMitigation),
                RangePercent = parse.GetValue(rangePercent),
                JoinConsecutive = parse.GetValue(joinConsecutive),
                TimeFrame = parse.GetValue(timeFrame)!,
                Session = parse.GetValue(session),
                Start = parse.GetValue(start),
                End = parse.GetValue(end),
                TimeZone = parse.GetValue(timeZone)!,
                Causal = parse.GetValue(causal),
            };
            return IndicatorsRunner.Run(request, System.Console.Error);
        });
        return command;
    }
}
