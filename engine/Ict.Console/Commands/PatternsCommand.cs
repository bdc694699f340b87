using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Market;
using Ict.Indicators.Patterns;
using Symbol = Ict.Abstractions.Symbol;

namespace Ict.Console.Commands;

/// <summary><c>ict patterns</c>: every order block and fair value gap the ict.ob-fvg rules find in a candle file.</summary>
internal static class PatternsCommand
{
    public const string Header = "type,direction,top,bottom,pattern_time,detected_time,touches,filled_percent,ended_time,end_reason";

    public static Command Create()
    {
        var input = new Option<string>("--input", "-i") { Description = "Candle CSV (open_time_ms,open,high,low,close,volume or Binance's 12 columns).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the pattern CSV.", Required = true };
        var config = new Option<string?>("--config", "-c") { Description = "Take the detection settings from this engine.json's ict.ob-fvg strategy (default: the seed values)." };
        var symbol = new Option<string?>("--symbol") { Description = "Symbol for the pattern ids (default: from the file name, else SYMBOL)." };
        var interval = new Option<string?>("--interval") { Description = "Candle interval (default: inferred from the spacing of the candles)." };
        var command = new Command("patterns", "List every order block and fair value gap the ict.ob-fvg rules detect in a candle file, with its lifecycle.")
        {
            input, output, config, symbol, interval,
        };
        command.SetAction(parse =>
        {
            try
            {
                var options = parse.GetValue(config) is { } path ? OptionsFrom(ConfigLoader.Load(path)) : new ObFvgOptions();
                var written = Write(parse.GetValue(input)!, parse.GetValue(output)!, options, parse.GetValue(symbol), parse.GetValue(interval));
                System.Console.WriteLine($"{written.OrderBlocks} order blocks and {written.FairValueGaps} fair value gaps in {written.Candles} candles -> {parse.GetValue(output)}");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is ConfigException or CandleFileException or ArgumentException)
            {
                System.Console.Error.WriteLine(ex.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    public static (int Candles, int OrderBlocks, int FairValueGaps) Write(string inputPath, string outputPath, ObFvgOptions options, string? symbolText, string? intervalText)
    {
        var symbol = new Symbol(symbolText ?? SymbolFromFileName(inputPath));
        var interval = intervalText is null ? InferInterval(inputPath, symbol) : ParseInterval(intervalText);
        var detector = new ObFvgDetector(symbol, interval, options);
        var latest = new Dictionary<string, Pattern>(StringComparer.Ordinal);
        var order = new List<string>();
        var candles = 0;
        foreach (var candle in CandleCsvReader.Read(inputPath, symbol, interval))
        {
            candles++;
            foreach (var pattern in detector.Update(candle))
            {
                if (latest.TryAdd(pattern.Id, pattern))
                {
                    order.Add(pattern.Id);
                }
                else
                {
                    latest[pattern.Id] = pattern;
                }
            }
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        Directory.CreateDirectory(directory!);
        using var writer = new StreamWriter(outputPath) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var id in order)
        {
            writer.WriteLine(Row(latest[id]));
        }

        var blocks = order.Count(id => latest[id].Kind == PatternKind.OrderBlock);
        return (candles, blocks, order.Count - blocks);
    }

    /// <summary>The detection settings of the first ict.ob-fvg strategy in a config (unset keys keep the seed values).</summary>
    public static ObFvgOptions OptionsFrom(EngineConfig config)
    {
        var slot = config.Options.Strategies.FirstOrDefault(s => s.Plugin == "ict.ob-fvg");
        var defaults = new ObFvgOptions();
        if (slot?.Settings is not { ValueKind: JsonValueKind.Object } settings)
        {
            return defaults;
        }

        var orderBlock = Section(settings, "orderBlock");
        var fvg = Section(settings, "fvg");
        var options = new ObFvgOptions
        {
            HistoryCandles = Int(settings, "historyCandles") ?? defaults.HistoryCandles,
            MinCandles = Int(settings, "minCandles") ?? defaults.MinCandles,
            MinBodyRatio = Decimal(orderBlock, "minBodyRatio") ?? defaults.MinBodyRatio,
            ObMaxTouches = Int(orderBlock, "maxTouches") ?? defaults.ObMaxTouches,
            ObMaxAgeCandles = Int(orderBlock, "maxAgeCandles") ?? defaults.ObMaxAgeCandles,
            FvgMinGapPercent = Decimal(fvg, "minGapPercent") ?? defaults.FvgMinGapPercent,
            FvgMaxAgeCandles = Int(fvg, "maxAgeCandles") ?? defaults.FvgMaxAgeCandles,
        };
        options.Validate();
        return options;
    }

    private static string Row(Pattern p) => string.Join(',',
        p.Kind == PatternKind.OrderBlock ? "order_block" : "fvg",
        p.Direction == Direction.Bullish ? "bullish" : "bearish",
        Number(p.Top),
        Number(p.Bottom),
        Ms(p.PatternTime),
        Ms(p.DetectedTime),
        p.Touches.ToString(CultureInfo.InvariantCulture),
        Number(p.FilledPercent),
        p.EndedTime is { } ended ? Ms(ended) : string.Empty,
        p.EndReason ?? string.Empty);

    private static string Number(decimal value) => Engine.DecimalText.Exact(value);

    private static string Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string SymbolFromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var cut = name.IndexOfAny(['-', '_', '.']);
        var candidate = (cut > 0 ? name[..cut] : name).ToUpperInvariant();
        return candidate.Length is > 0 and <= 32 && candidate.All(char.IsAsciiLetterOrDigit) ? candidate : "SYMBOL";
    }

    private static Interval ParseInterval(string text) =>
        Interval.TryParse(text, out var interval) ? interval : throw new ArgumentException($"--interval '{text}' is not one of: {string.Join(' ', Interval.All)}");

    private static Interval InferInterval(string path, Symbol symbol)
    {
        long? smallest = null;
        DateTimeOffset? previous = null;
        foreach (var candle in CandleCsvReader.Read(path, symbol, Interval.Parse("1m")).Take(10_000))
        {
            if (previous is { } p)
            {
                var step = (long)(candle.OpenTime - p).TotalMilliseconds;
                smallest = smallest is null ? step : Math.Min(smallest.Value, step);
            }

            previous = candle.OpenTime;
        }

        var match = Interval.All.FirstOrDefault(i => (long)i.Duration.TotalMilliseconds == smallest);
        return smallest is not null && match.Code is not null
            ? match
            : throw new ArgumentException($"{path}: cannot tell the candle interval from the file; pass --interval");
    }

    private static JsonElement? Section(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static int? Int(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;

    private static decimal? Decimal(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value) && value.TryGetDecimal(out var number) ? number : null;
}
