using Ict.Exchange.Binance.Orders;

namespace Ict.Exchange.Binance.Tests;

public sealed class BinanceClientIdTests
{
    [Fact]
    public void Binance_Require_RefusesAnInvalidIdBeforeAnythingIsSent()
    {
        Assert.Equal("ict-0123456789abcdef-sl", ClientIds.Require("ict-0123456789abcdef-sl"));
        Assert.Throws<ArgumentException>(() => ClientIds.Require("strategy ob-fvg #long"));
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
