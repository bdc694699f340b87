namespace Ict.Abstractions.Tests;

public sealed class DomainTests
{
    [Theory]
    [InlineData("1m", 60)]
    [InlineData("15m", 900)]
    [InlineData("4h", 14_400)]
    [InlineData("1d", 86_400)]
    [InlineData("1w", 604_800)]
    public void Interval_Parse_GivesTheCandleLength(string code, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Interval.Parse(code).Duration);
        Assert.Equal(code, Interval.Parse(code).ToString());
    }

    [Theory]
    [InlineData("1M")]
    [InlineData("15")]
    [InlineData("")]
    [InlineData("7m")]
    public void Interval_Parse_RefusesUnknownCodes(string code)
    {
        var error = Assert.Throws<FormatException>(() => Interval.Parse(code));
        Assert.Contains("15m", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("btcusdt")]
    [InlineData("BTC-USDT")]
    [InlineData("")]
    public void Symbol_RefusesBadSpelling(string text)
    {
        Assert.Throws<ArgumentException>(() => new Symbol(text));
    }

    [Fact]
    public void Candle_CloseTime_IsOpenPlusInterval()
    {
        var open = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var candle = new Candle(new Symbol("BTCUSDT"), Interval.Parse("15m"), open, 100m, 110m, 95m, 105m, 1m);

        Assert.Equal(open.AddMinutes(15), candle.CloseTime);
        Assert.Equal(15m, candle.Range);
        Assert.Equal(5m, candle.Body);
        Assert.True(candle.IsBullish);
    }

    [Fact]
    public void InstrumentRules_RoundQuantityDown_NeverRoundsUp()
    {
        var rules = new InstrumentRules(new Symbol("BTCUSDT"), 0.1m, 0.001m, 0.001m, 5m, 20);

        Assert.Equal(0.123m, rules.RoundQuantityDown(0.12399m));
        Assert.Equal(0m, rules.RoundQuantityDown(0.0009m));
        Assert.Equal(42000.2m, rules.RoundPrice(42000.15m));
    }

    [Fact]
    public void RiskDecision_Reject_CarriesItsTypedReason()
    {
        var decision = RiskDecision.Reject(RejectionReason.DailyLossLimit, "loss 310 ≥ limit 300");

        Assert.False(decision.IsApproved);
        Assert.Equal(RejectionReason.DailyLossLimit, decision.Reason);
        Assert.Equal(0m, decision.Quantity);
    }

    [Fact]
    public void RiskDecision_Approve_RefusesANonPositiveQuantity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskDecision.Approve(0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskDecision.Approve(1m, leverage: 0));
    }

    [Fact]
    public void Pattern_Contains_IncludesTheEdges()
    {
        var time = DateTimeOffset.UnixEpoch;
        var pattern = new Pattern("p", PatternKind.OrderBlock, Direction.Bullish, new Symbol("BTCUSDT"), Interval.Parse("15m"), 110m, 100m, time, time);

        Assert.True(pattern.Contains(100m));
        Assert.True(pattern.Contains(110m));
        Assert.False(pattern.Contains(110.1m));
    }
}
