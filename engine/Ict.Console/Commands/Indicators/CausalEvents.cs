using System.Globalization;
using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Causal;

namespace Ict.Console.Commands.Indicators;

/// <summary>
/// The <c>--causal</c> output: the events a live engine would see, one line per event in the order they happen, each with the
/// row and time of the candle that confirmed it, then the pattern's own row and smc's columns for it.
/// </summary>
public sealed class CausalEvents
{
    private readonly List<string> _lines = [];

    private CausalEvents(string header)
    {
        _lines.Add(header);
    }

    /// <summary>The lines, header first.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Runs the causal detector for the request over the candles, one candle at a time.</summary>
    /// <param name="request">What to compute (fvg, swing-highs-lows, bos-choch, ob, liquidity or retracements).</param>
    /// <param name="series">The candles.</param>
    /// <exception cref="ArgumentException">The indicator has no causal version.</exception>
    public static CausalEvents Compute(IndicatorRequest request, OhlcvSeries series)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(series);
        return request.Name switch
        {
            IndicatorNames.Fvg => Fvg(request, series),
            IndicatorNames.SwingHighsLows => Swings(request, series),
            IndicatorNames.BosChoch => BosChoch(request, series),
            IndicatorNames.Ob => OrderBlocks(request, series),
            IndicatorNames.Liquidity => Liquidity(request, series),
            IndicatorNames.Retracements => Retracements(request, series),
            _ => throw new ArgumentException($"--causal is available for {IndicatorNames.Fvg}, {IndicatorNames.SwingHighsLows}, {IndicatorNames.BosChoch}, {IndicatorNames.Ob}, {IndicatorNames.Liquidity} and {IndicatorNames.Retracements}, not {request.Name}"),
        };
    }

    /// <summary>Writes the lines with <c>\n</c> line ends.</summary>
    /// <param name="writer">Where to write.</param>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var line in _lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    private static CausalEvents Fvg(IndicatorRequest request, OhlcvSeries series)
    {
        var output = new CausalEvents("ConfirmedIndex,ConfirmedTime,Event,Index,FVG,Top,Bottom,MitigatedIndex");
        var detector = new CausalFvgDetector(request.JoinConsecutive);
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var e in detector.Add(OhlcvBar.At(series, i)))
            {
                var mitigated = e.Kind == FvgEventKind.Mitigated ? Num(e.ConfirmedRow) : string.Empty;
                output.Add(e.ConfirmedRow, e.ConfirmedTime, e.Kind == FvgEventKind.Formed ? "formed" : "mitigated",
                    e.Row, Num(e.Direction), PythonFloatFormat.Format(e.Top), PythonFloatFormat.Format(e.Bottom), mitigated);
            }
        }

        return output;
    }

    private static CausalEvents Swings(IndicatorRequest request, OhlcvSeries series)
    {
        var output = new CausalEvents("ConfirmedIndex,ConfirmedTime,Event,Index,HighLow,Level,ReplacesIndex");
        var detector = new CausalSwingDetector(CheckedLength(request));
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var s in detector.Add(OhlcvBar.At(series, i)))
            {
                output.Add(s.ConfirmedRow, s.ConfirmedTime, s.ReplacesRow is null ? "formed" : "replaced", s.Row,
                    Num(s.Direction), PythonFloatFormat.Format(s.Level), s.ReplacesRow is { } r ? r.ToString(CultureInfo.InvariantCulture) : string.Empty);
            }
        }

        return output;
    }

    private static CausalEvents BosChoch(IndicatorRequest request, OhlcvSeries series)
    {
        var output = new CausalEvents("ConfirmedIndex,ConfirmedTime,Event,Index,BOS,CHOCH,Level,BrokenIndex");
        var detector = new CausalBosChochDetector(CheckedLength(request), request.CloseBreak);
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var e in detector.Add(OhlcvBar.At(series, i)))
            {
                output.Add(e.ConfirmedRow, e.ConfirmedTime, e.Kind == BosChochEventKind.Formed ? "formed" : "superseded", e.Row,
                    e.IsChoch ? string.Empty : Num(e.Direction), e.IsChoch ? Num(e.Direction) : string.Empty,
                    PythonFloatFormat.Format(e.Level), Num(e.BrokenRow));
            }
        }

        return output;
    }

    private static CausalEvents OrderBlocks(IndicatorRequest request, OhlcvSeries series)
    {
        var output = new CausalEvents("ConfirmedIndex,ConfirmedTime,Event,Index,OB,Top,Bottom,OBVolume,MitigatedIndex,Percentage");
        var detector = new CausalOrderBlockDetector(CheckedLength(request), request.CloseMitigation);
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var e in detector.Add(OhlcvBar.At(series, i)))
            {
                output.Add(e.ConfirmedRow, e.ConfirmedTime, e.Kind.ToString().ToLowerInvariant(), e.Row, Num(e.Direction),
                    PythonFloatFormat.Format(e.Top), PythonFloatFormat.Format(e.Bottom), PythonFloatFormat.Format(e.Volume),
                    Num(e.MitigatedIndex), PythonFloatFormat.Format(e.Percentage));
            }
        }

        return output;
    }

    private static CausalEvents Liquidity(IndicatorRequest request, OhlcvSeries series)
    {
        var output = new CausalEvents("ConfirmedIndex,ConfirmedTime,Event,Index,Liquidity,Level,End,Swept");
        if (!(request.RangePercent >= 0) || double.IsInfinity(request.RangePercent))
        {
            throw new ArgumentException($"--range-percent must be a finite number of at least 0, got {request.RangePercent}");
        }

        // The live band comes from the candles seen so far: smc's whole-file range is not known live.
        var detector = new CausalLiquidityDetector(CheckedLength(request), request.RangePercent);
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var e in detector.Add(OhlcvBar.At(series, i)))
            {
                output.Add(e.ConfirmedRow, e.ConfirmedTime, e.Kind.ToString().ToLowerInvariant(), e.Row, Num(e.Direction),
                    PythonFloatFormat.Format(e.Level), PythonFloatFormat.Format((float)e.End), PythonFloatFormat.Format((float)e.Swept));
            }
        }

        return output;
    }

    private static CausalEvents Retracements(IndicatorRequest request, OhlcvSeries series)
    {
        var output = new CausalEvents("ConfirmedIndex,ConfirmedTime,Event,Index,Direction,CurrentRetracement%,DeepestRetracement%");
        var detector = new CausalRetracementDetector(CheckedLength(request));
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var e in detector.Add(OhlcvBar.At(series, i)))
            {
                output.Add(e.ConfirmedRow, e.ConfirmedTime, "confirmed", e.Row, e.Direction.ToString(CultureInfo.InvariantCulture),
                    PythonFloatFormat.Format(e.CurrentRetracement), PythonFloatFormat.Format(e.DeepestRetracement));
            }
        }

        return output;
    }

    private static int CheckedLength(IndicatorRequest request) =>
        request.SwingLength >= 1 ? request.SwingLength : throw new ArgumentException($"--swing-length must be at least 1, got {request.SwingLength}");

    private static string Num(double value) => PythonFloatFormat.Format(value);

    private void Add(int confirmedRow, DateTime confirmedTime, string kind, int row, params string[] values) =>
        _lines.Add(string.Join(',', [
            confirmedRow.ToString(CultureInfo.InvariantCulture),
            confirmedTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            kind,
            row.ToString(CultureInfo.InvariantCulture),
            .. values,
        ]));
}
