using System.Globalization;
using Ict.Console.Commands.Indicators;

namespace Ict.Indicators.Tests.Smc;

/// <summary><c>ict indicators liquidity|retracements --causal</c>: the live event logs, as a user reads them.</summary>
public sealed class CausalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ict-causal-").FullName;

    [SkippableFact]
    public void RetracementsCausal_OnEurusd_ConfirmsEveryRowButTheLastFewWithSmcsValues()
    {
        var input = SmcData.Require("EURUSD_15M.csv");
        var expected = File.ReadAllLines(SmcData.Require("retracements_result_data.csv"));
        var output = Path.Combine(_dir, "retracements.csv");
        using var error = new StringWriter();

        var code = IndicatorsRunner.Run(new IndicatorRequest("retracements", input, output) { SwingLength = 5, Causal = true }, error);

        Assert.Equal((0, string.Empty), (code, error.ToString()));
        var lines = File.ReadAllLines(output);
        Assert.Equal("ConfirmedIndex,ConfirmedTime,Event,Index,Direction,CurrentRetracement%,DeepestRetracement%", lines[0]);
        Assert.InRange(lines.Length - 1, expected.Length - 11, expected.Length - 1);
        for (var k = 1; k < lines.Length; k++)
        {
            var f = lines[k].Split(',');
            var row = int.Parse(f[3], CultureInfo.InvariantCulture);
            Assert.Equal(k - 1, row);
            Assert.Equal("confirmed", f[2]);
            Assert.True(int.Parse(f[0], CultureInfo.InvariantCulture) >= row + 5 - 1, lines[k]);
            Assert.Equal(expected[row + 1], string.Join(',', f[4..]));
        }
    }

    [Fact]
    public void LiquidityCausal_OnTwoNearlyEqualHighs_WritesOneFormedLineWhenTheSecondIsConfirmed()
    {
        // Swing length 2: swing highs on rows 3 (100) and 7 (100.2), lows on 5 (97) and 12 (50). When row 3 is confirmed
        // (candle 5) the candles so far span 100 - 97 = 3, so a 20% band is ±0.6 and holds 100.2; row 7 is confirmed by
        // candle 9 (02:15). The low group never forms: candle 10 sweeps row 5's band before row 12 exists.
        double[] highs = [99, 99, 99, 100, 99, 98.5, 99, 100.2, 99, 99, 90, 70, 60, 55, 56];
        double[] lows = [98, 98, 98, 99, 98, 97, 98, 99, 98.5, 98.2, 80, 60, 50, 50.5, 51];
        var csv = "Date,Open,High,Low,Close\n" + string.Concat(highs.Select((h, i) =>
            $"2024.01.01 {i * 15 / 60:00}:{i * 15 % 60:00}:00,{lows[i].ToString(CultureInfo.InvariantCulture)},{h.ToString(CultureInfo.InvariantCulture)},{lows[i].ToString(CultureInfo.InvariantCulture)},{h.ToString(CultureInfo.InvariantCulture)}\n"));
        var input = Path.Combine(_dir, "in.csv");
        File.WriteAllText(input, csv);
        var output = Path.Combine(_dir, "liquidity.csv");
        using var error = new StringWriter();

        var code = IndicatorsRunner.Run(new IndicatorRequest("liquidity", input, output) { SwingLength = 2, RangePercent = 0.2, Causal = true }, error);

        Assert.Equal((0, string.Empty), (code, error.ToString()));
        Assert.Equal(
            ["ConfirmedIndex,ConfirmedTime,Event,Index,Liquidity,Level,End,Swept", "9,2024-01-01 02:15:00,formed,3,1.0,100.1,7.0,0.0"],
            File.ReadAllLines(output));
    }

    [Fact]
    public void PreviousHighLowCausal_IsRefusedWithExit2NamingTheIndicatorsThatHaveOne()
    {
        var input = Path.Combine(_dir, "ok.csv");
        File.WriteAllText(input, "Date,Open,High,Low,Close\n2022.10.10 00:00:00,1,2,0.5,1.5\n");
        using var error = new StringWriter();

        var code = IndicatorsRunner.Run(new IndicatorRequest("previous-high-low", input, Path.Combine(_dir, "o.csv")) { Causal = true }, error);

        Assert.Equal(2, code);
        Assert.Contains("liquidity and retracements", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
