using Ict.Exchange.Binance.Rest;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

public sealed class BinanceSigningTests
{
    [Fact]
    public void Binance_Signature_MatchesPublishedVectorOne()
    {
        var signature = BinanceSigner.Sign(
            "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943");

        Assert.Equal("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9", signature);
    }

    [Fact]
    public void Binance_Signature_MatchesPublishedVectorTwo()
    {
        var signature = BinanceSigner.Sign(
            "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");

        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", signature);
    }

    [Fact]
    public void Binance_Parameters_FormatDecimalsInvariantlyWithoutTrailingZeros()
    {
        var query = new BinanceParameters().Add("symbol", "BTCUSDT").Add("quantity", 0.0100m).Add("price", 65000.10m).Add("skipped", (string?)null).ToQueryString();

        Assert.Equal("symbol=BTCUSDT&quantity=0.01&price=65000.1", query);
    }

    [Fact]
    public async Task Binance_SignedRequest_IsAcceptedByTheFakeAndAWrongSecretGetsMinus1022()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        Assert.NotEmpty(await h.Rest.GetBalancesAsync());

        using var http = new HttpClient();
        var wrong = new BinanceHttp(http, h.Server.RestUri, new Config.BinanceCredentials(FakeBinanceHarness.Key, "not-the-secret"), TimeProvider.System);
        var error = await Assert.ThrowsAsync<BinanceApiException>(() => new BinanceRestClient(wrong).GetBalancesAsync());
        Assert.Equal(BinanceErrorCodes.InvalidSignature, error.Code);
        Assert.Equal(BinanceErrorKind.Final, error.Kind);
    }
}
