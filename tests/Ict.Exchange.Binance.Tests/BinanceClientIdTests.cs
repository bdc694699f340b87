using Ict.Exchange.Binance.Orders;

namespace Ict.Exchange.Binance.Tests;

public sealed class BinanceClientIdTests
{
    [Fact]
    public void Binance_DerivedClientIds_AreStablePerSignalAndLegAndAlwaysValid()
    {
        var longId = "strategy.ob-fvg/BTCUSDT/15m/2026-11-21T16:30:00Z#long";

        Assert.Equal("ict-sig42-sl", ClientIds.Derive("sig42", "sl"));
        Assert.Equal(ClientIds.Derive(longId, "tp"), ClientIds.Derive(longId, "tp"));
        Assert.NotEqual(ClientIds.Derive(longId, "tp"), ClientIds.Derive(longId, "sl"));
        Assert.True(ClientIds.IsValid(ClientIds.Derive(longId, "tp")));
        Assert.True(ClientIds.Derive(longId, "entry").Length <= 36);
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("x-.:/_AZaz09", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("0123456789012345678901234567890123456", false)]
    public void Binance_ClientIdRule_MatchesTheDocumentedPattern(string id, bool valid) =>
        Assert.Equal(valid, ClientIds.IsValid(id));
}
