using System.Globalization;
using System.Text.RegularExpressions;

namespace Ict.SampleData;

/// <summary>Entry point: generate a deterministic sample candle file, or verify one.</summary>
internal static partial class Program
{
    private const int UsageError = 2;

    private const string Usage = """
        Ict.SampleData: writes deterministic BTC-like sample candles with ICT structure (order blocks, fair value gaps).

        Usage:
          dotnet run --project tools/Ict.SampleData -- [options]
          dotnet run --project tools/Ict.SampleData -- --verify PATH

        Options (defaults in brackets):
          --symbol SYMBOL           upper-case letters and digits [BTCUSDT]
          --interval-minutes N      1 3 5 15 30 60 120 240 360 480 720 1440 4320 10080 [15]
          --candles N               1 to 5000000 [6000]
          --seed N                  0 to 2147483647 [20240101]
          --start TIME              first open time, ISO 8601 UTC [2024-01-01T00:00:00Z]
          --start-price PRICE       100 to 10000000, rounded to the 0.1 tick [42000]
          --output PATH             [data/SYMBOL-INTERVAL.csv, e.g. data/BTCUSDT-15m.csv]
          --verify PATH             check a file's invariants instead of generating; prints "ok: N candles"
                                    or the first offending line and exits 1
          --help, -h                show this text

        Same arguments, same bytes: the only randomness is new Random(seed) and all prices are decimal.
        Exit codes: 0 success, 1 verification failed, 2 bad arguments.
        """;

    private static readonly Dictionary<int, string> IntervalCodes = new()
    {
        [1] = "1m", [3] = "3m", [5] = "5m", [15] = "15m", [30] = "30m",
        [60] = "1h", [120] = "2h", [240] = "4h", [360] = "6h", [480] = "8h", [720] = "12h",
        [1440] = "1d", [4320] = "3d", [10080] = "1w",
    };

    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine(ex.IsFileProblem ? $"error: {ex.Message}" : $"error: {ex.Message} (see --help)");
            return UsageError;
        }
    }

    private static int Run(string[] args)
    {
        var values = ParseArguments(args);
        if (values.ContainsKey("help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (values.TryGetValue("verify", out var verifyPath))
        {
            if (values.Count > 1)
            {
                throw new UsageException("--verify takes no other options");
            }

            return Verify(verifyPath);
        }

        var symbol = values.GetValueOrDefault("symbol", "BTCUSDT");
        if (!SymbolPattern().IsMatch(symbol))
        {
            throw new UsageException($"--symbol '{symbol}' must be 2-20 upper-case letters and digits, like BTCUSDT");
        }

        var intervalMinutes = ParseInt(values, "interval-minutes", 15, 1, 10080);
        if (!IntervalCodes.TryGetValue(intervalMinutes, out var intervalCode))
        {
            throw new UsageException($"--interval-minutes {intervalMinutes} is not a Binance interval; use one of {string.Join(' ', IntervalCodes.Keys)}");
        }

        var candles = ParseInt(values, "candles", 6000, 1, 5_000_000);
        var seed = ParseInt(values, "seed", 20240101, 0, int.MaxValue);
        var start = ParseStart(values.GetValueOrDefault("start", "2024-01-01T00:00:00Z"));
        var startPrice = ParseStartPrice(values.GetValueOrDefault("start-price", "42000"));
        var output = values.GetValueOrDefault("output", Path.Combine("data", $"{symbol}-{intervalCode}.csv"));

        var generator = new MarketGenerator(seed, intervalMinutes, startPrice);
        var series = generator.Generate(start, candles);
        try
        {
            CandleCsv.Write(output, series);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write --output '{output}': {ex.Message}", isFileProblem: true);
        }

        var low = series.Min(c => c.Low);
        var high = series.Max(c => c.High);
        var first = DateTimeOffset.FromUnixTimeMilliseconds(series[0].OpenTimeMs);
        var last = DateTimeOffset.FromUnixTimeMilliseconds(series[^1].OpenTimeMs);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {series.Count} {symbol} {intervalCode} candles to {output}: {first:yyyy-MM-ddTHH:mm:ssZ} .. {last:yyyy-MM-ddTHH:mm:ssZ}, price {series[0].Open:F1} -> {series[^1].Close:F1} (low {low:F1}, high {high:F1})"));
        return 0;
    }

    private static int Verify(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read --verify '{path}': {ex.Message}", isFileProblem: true);
        }

        var (count, error) = CandleCsv.Verify(text);
        if (error is not null)
        {
            Console.WriteLine($"{path}: {error}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok: {count} candles"));
        return 0;
    }

    /// <summary>Reads <c>--name value</c> and <c>--name=value</c> pairs; <c>--help</c>/<c>-h</c> take no value.</summary>
    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        string[] known = ["symbol", "interval-minutes", "candles", "seed", "start", "start-price", "output", "verify"];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                values["help"] = string.Empty;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw new UsageException($"unknown option '--{name}'");
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"--{name} needs a value");
                }

                value = args[++i];
            }

            if (value.Length == 0)
            {
                throw new UsageException($"--{name} needs a non-empty value");
            }

            if (!values.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given more than once");
            }
        }

        return values;
    }

    private static int ParseInt(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"--{name} '{text}' must be a whole number from {min} to {max}");
        }

        return value;
    }

    private static long ParseStart(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            throw new UsageException($"--start '{text}' is not an ISO 8601 time such as 2024-01-01T00:00:00Z");
        }

        if (start.Year < 1970)
        {
            throw new UsageException($"--start '{text}' must not be before 1970");
        }

        return start.ToUnixTimeMilliseconds();
    }

    private static decimal ParseStartPrice(string text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) || price < 100m || price > 10_000_000m)
        {
            throw new UsageException($"--start-price '{text}' must be a number from 100 to 10000000");
        }

        return Math.Round(price / MarketGenerator.Tick, MidpointRounding.AwayFromZero) * MarketGenerator.Tick;
    }

    [GeneratedRegex("^[A-Z0-9]{2,20}$")]
    private static partial Regex SymbolPattern();

    /// <summary>A bad argument (or an unusable file named by one): reported on one line, exit code 2.</summary>
    private sealed class UsageException(string message, bool isFileProblem = false) : Exception(message)
    {
        public bool IsFileProblem { get; } = isFileProblem;
    }
}
