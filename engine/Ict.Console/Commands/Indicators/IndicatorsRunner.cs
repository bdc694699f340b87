using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Csv;

namespace Ict.Console.Commands.Indicators;

/// <summary>The work behind <c>ict indicators</c>: read candles, compute one indicator, write its CSV.</summary>
public static class IndicatorsRunner
{
    /// <summary>Runs one request and returns the process exit code (0 done, 2 bad input or bad parameters).</summary>
    /// <param name="request">What to compute.</param>
    /// <param name="error">Where the one-line error goes.</param>
    public static int Run(IndicatorRequest request, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var series = OhlcvCsvReader.ReadFile(request.Input);
            if (request.Causal)
            {
                var events = CausalEvents.Compute(request, series);
                using var causalWriter = new StreamWriter(request.Output, append: false);
                events.Write(causalWriter);
                return ExitCodes.Ok;
            }

            var table = Compute(request, series);
            using var writer = new StreamWriter(request.Output, append: false);
            SmcCsvWriter.Write(table, writer);
            return ExitCodes.Ok;
        }
        catch (OhlcvFormatException ex)
        {
            error.WriteLine(ex.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            error.WriteLine($"ict indicators {request.Name}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(ex.Message);
        }

        return ExitCodes.BadInput;
    }

    /// <summary>smc's batch output for the request, exactly as smc would return it.</summary>
    /// <param name="request">What to compute.</param>
    /// <param name="series">The candles.</param>
    /// <exception cref="ArgumentException">A parameter is out of range or unknown.</exception>
    public static SmcTable Compute(IndicatorRequest request, OhlcvSeries series)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Name switch
        {
            IndicatorNames.Fvg => Fvg.Compute(series, request.JoinConsecutive).ToTable(),
            IndicatorNames.SwingHighsLows => Swings(request, series).ToTable(),
            IndicatorNames.BosChoch => BosChoch.Compute(series, Swings(request, series), request.CloseBreak).ToTable(),
            IndicatorNames.Ob => OrderBlocks.Compute(series, Swings(request, series), request.CloseMitigation).ToTable(),
            IndicatorNames.Liquidity => Liquidity.Compute(series, Swings(request, series), request.RangePercent).ToTable(),
            IndicatorNames.PreviousHighLow => PreviousHighLow.Compute(series, ParseTimeFrame(request.TimeFrame)).ToTable(),
            IndicatorNames.Sessions => Sessions.Compute(series, ParseSession(request), request.TimeZone).ToTable(),
            IndicatorNames.Retracements => Retracements.Compute(series, Swings(request, series)).ToTable(),
            _ => throw new ArgumentException($"unknown indicator '{request.Name}'; use one of {string.Join(", ", IndicatorNames.All)}"),
        };
    }

    /// <summary>Maps 4h, 1D or W (any case; also W-SUN) to the time frame.</summary>
    /// <param name="text">The option value.</param>
    /// <exception cref="ArgumentException">Not a supported time frame.</exception>
    public static SmcTimeFrame ParseTimeFrame(string text) => text.ToUpperInvariant() switch
    {
        "4H" => SmcTimeFrame.FourHours,
        "1D" or "D" => SmcTimeFrame.OneDay,
        "W" or "1W" or "W-SUN" => SmcTimeFrame.Week,
        _ => throw new ArgumentException($"--time-frame '{text}' is not one of 4h, 1D, W"),
    };

    /// <summary>The session window: a preset by name (case-insensitive), or Custom/no name with --start and --end.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="ArgumentException">Neither a known session nor a start and end, or both.</exception>
    public static SessionWindow ParseSession(IndicatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var custom = request.Session is null || request.Session.Equals("Custom", StringComparison.OrdinalIgnoreCase);
        if (custom)
        {
            if (string.IsNullOrEmpty(request.Start) || string.IsNullOrEmpty(request.End))
            {
                throw new ArgumentException("sessions needs --session NAME, or --start HH:MM and --end HH:MM for a custom session");
            }

            return SessionWindow.Parse(request.Start, request.End);
        }

        if (request.Start is not null || request.End is not null)
        {
            throw new ArgumentException("--start/--end only apply to a custom session; drop --session or use --session Custom");
        }

        var preset = SessionWindow.Presets.FirstOrDefault(p => p.Key.Equals(request.Session, StringComparison.OrdinalIgnoreCase));
        return preset.Key is not null
            ? preset.Value
            : throw new ArgumentException($"unknown session '{request.Session}'; use one of {string.Join(", ", SessionWindow.Presets.Keys.Select(k => $"\"{k}\""))} or Custom");
    }

    internal static SwingResult Swings(IndicatorRequest request, OhlcvSeries series) =>
        request.SwingLength >= 1
            ? SwingHighsLows.Compute(series, request.SwingLength)
            : throw new ArgumentException($"--swing-length must be at least 1, got {request.SwingLength}");
}
