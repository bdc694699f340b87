using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine;
using Ict.Engine.Backtesting;
using Ict.Engine.Configuration;
using Ict.Engine.Market;
using Serilog.Events;
using Spectre.Console;
using Symbol = Ict.Abstractions.Symbol;

namespace Ict.Console.Commands;

/// <summary><c>ict backtest</c>: the same kernel and plugins over stored candles, at full speed, with metrics and a report.</summary>
internal static class BacktestCommand
{
    public static Command Create(Option<string> configOption)
    {
        var data = new Option<string[]>("--data", "-d")
        {
            Description = "Candle CSVs: SYMBOL:INTERVAL:PATH, or a PATH named like BTCUSDT-15m.csv (default: the config's replay files).",
            AllowMultipleArgumentsPerToken = true,
        };
        var funding = new Option<string[]>("--funding")
        {
            Description = "Funding-rate CSVs charged to open positions: SYMBOL:PATH (rate in the second column).",
            AllowMultipleArgumentsPerToken = true,
        };
        var from = new Option<string?>("--from") { Description = "First candle open time to include (UTC date or date-time, e.g. 2024-01-15)." };
        var to = new Option<string?>("--to") { Description = "Candles opening at or after this time are left out." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the metrics instead of a table." };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report here and print its path." };
        var command = new Command("backtest", "Backtest: replay candles through the configured strategies, risk and the paper venue at full speed; print metrics; save the run in SQLite.")
        {
            configOption, data, funding, from, to, json, report,
        };
        command.SetAction(parse => Run(
            parse.GetValue(configOption)!, parse.GetValue(data) ?? [], parse.GetValue(funding) ?? [], parse.GetValue(from), parse.GetValue(to), parse.GetValue(json), parse.GetValue(report)));
        return command;
    }

    private static int Run(string configPath, string[] data, string[] fundingFiles, string? fromText, string? toText, bool asJson, string? reportPath)
    {
        EngineConfig config;
        List<ReplaySource>? sources;
        List<(Symbol, string)>? funding;
        DateTimeOffset? from;
        DateTimeOffset? to;
        try
        {
            config = ConfigLoader.Load(configPath);
            sources = data.Length == 0 ? null : data.Select(ParseSource).ToList();
            funding = fundingFiles.Length == 0 ? null : fundingFiles.Select(ParseFunding).ToList();
            from = ParseTime(fromText, "--from");
            to = ParseTime(toText, "--to");
        }
        catch (Exception ex) when (ex is ConfigException or ArgumentException)
        {
            System.Console.Error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }

        using var log = Logging.Create(config, ConfigLoader.Redactor(config), LogEventLevel.Warning);
        try
        {
            var feedSources = sources ?? config.Options.MarketData.Replay.Files
                .Select(f => new ReplaySource(new Symbol(f.Symbol), Interval.Parse(f.Interval), config.ResolvePath(f.Path))).ToList();
            var candles = new ReplayFeed(feedSources).ReadAll()
                .Where(c => (from is null || c.OpenTime >= from) && (to is null || c.OpenTime < to))
                .ToList();
            if (candles.Count == 0)
            {
                System.Console.Error.WriteLine("no candles in the chosen files and dates");
                return ExitCodes.BadInput;
            }

            var task = Task.Run(async () =>
            {
                await using var host = EngineHost.Create(config, log, new EngineRunOptions { Sources = feedSources, Funding = funding, Backtest = true, ExpectedCandles = candles.Count });
                var metrics = RunWithProgress(host, candles, showProgress: !asJson && !System.Console.IsOutputRedirected);
                string? written = null;
                if (reportPath is not null)
                {
                    written = Path.GetFullPath(reportPath);
                    Directory.CreateDirectory(Path.GetDirectoryName(written)!);
                    await File.WriteAllTextAsync(written, HtmlReport.Render(metrics, host.Recorder!, candles, host.StoredPatterns(), config.Options.Account.Asset)).ConfigureAwait(false);
                }

                return (metrics, host.RunId, host.DatabasePath, written);
            });
            var (result, runId, database, reportFile) = task.GetAwaiter().GetResult();

            if (asJson)
            {
                System.Console.WriteLine(JsonSerializer.Serialize(result, BacktestJson.Options));
            }
            else
            {
                PrintTable(result, runId, database, config.Options.Account.Asset);
            }

            if (reportFile is not null)
            {
                (asJson ? System.Console.Error : System.Console.Out).WriteLine($"report: {reportFile}");
            }

            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is ConfigException or CandleFileException)
        {
            System.Console.Error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            log.Fatal(ex, "The backtest failed");
            return ExitCodes.Failure;
        }
    }

    private static BacktestMetrics RunWithProgress(EngineHost host, List<Candle> candles, bool showProgress)
    {
        if (!showProgress)
        {
            return host.RunBacktest(candles);
        }

        BacktestMetrics? metrics = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask($"backtest {candles.Count:N0} candles", maxValue: candles.Count);
                metrics = host.RunBacktest(candles, done => bar.Value = done);
            });
        return metrics!;
    }

    private static void PrintTable(BacktestMetrics m, long runId, string database, string asset)
    {
        string D(decimal value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);
        var lines = new[]
        {
            $"Backtest (run {runId})",
            $"  candles        {m.Candles}",
            $"  trades         {m.Trades} ({m.Wins} won, win rate {D(m.WinRate)}%)",
            $"  net PnL        {D(m.NetPnl)} {asset} (fees {D(m.Fees)})",
            $"  profit factor  {(m.ProfitFactor is { } pf ? D(pf, "0.000") : "n/a (no losing trade)")}",
            $"  expectancy     {D(m.Expectancy, "0.0000")} {asset} per trade, average R {D(m.AverageR, "0.000")}",
            $"  max drawdown   {D(m.MaxDrawdown)} {asset} ({D(m.MaxDrawdownPercent)}%)",
            $"  sharpe         {m.Sharpe.ToString("0.000", CultureInfo.InvariantCulture)}, sortino {m.Sortino.ToString("0.000", CultureInfo.InvariantCulture)} (daily, annualised)",
            $"  exposure       {D(m.ExposurePercent)}% of candles",
            $"  balance        {D(m.StartingBalance)} -> {D(m.FinalBalance)} {asset}",
            $"  trade hash     {m.TradeHash}",
            $"  state          {database}",
        };
        foreach (var line in lines)
        {
            System.Console.WriteLine(line);
        }
    }

    private static ReplaySource ParseSource(string text)
    {
        var parts = text.Split(':', 3);
        if (parts.Length == 3 && Interval.TryParse(parts[1], out var explicitInterval))
        {
            return new ReplaySource(new Symbol(parts[0]), explicitInterval, Path.GetFullPath(parts[2]));
        }

        var name = Path.GetFileNameWithoutExtension(text);
        var pieces = name.Split('-', '_');
        if (pieces.Length >= 2 && Interval.TryParse(pieces[1], out var interval) && pieces[0].All(char.IsAsciiLetterOrDigit))
        {
            return new ReplaySource(new Symbol(pieces[0].ToUpperInvariant()), interval, Path.GetFullPath(text));
        }

        throw new ArgumentException($"--data {text}: name the file SYMBOL-INTERVAL.csv (e.g. BTCUSDT-15m.csv) or pass SYMBOL:INTERVAL:PATH");
    }

    private static (Symbol, string) ParseFunding(string text)
    {
        var parts = text.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (new Symbol(parts[0]), Path.GetFullPath(parts[1]))
            : throw new ArgumentException($"--funding {text}: pass SYMBOL:PATH");
    }

    private static DateTimeOffset? ParseTime(string? text, string option) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time
        : throw new ArgumentException($"{option} '{text}' is not a date (use 2024-01-15 or 2024-01-15T12:00Z)");
}
