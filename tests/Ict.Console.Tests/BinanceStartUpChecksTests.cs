using Ict.Console.Tests.Support;
using static Ict.Console.Tests.Support.BinanceRig;

namespace Ict.Console.Tests;

/// <summary>
/// What the engine checks when it connects, before it sends anything. The engine trades One-way Mode (every order's
/// positionSide is BOTH): an account in Hedge Mode would refuse each of its orders, stop-losses included (-4061). A
/// configured symbol must be listed and TRADING in exchangeInfo. Either problem refuses the start, saying what to fix.
/// </summary>
public sealed class BinanceStartUpChecksTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Binance_AccountInHedgeMode_IsRefusedAtStartWithNothingSent()
    {
        await using var rig = await StartAsync();
        rig.Server.Exchange.HedgeMode = true;

        using var ict = rig.StartEngine();
        await ict.WaitForExitAsync(Wait);

        Assert.Equal(2, ict.ExitCode);
        Assert.Contains("Hedge Mode", ict.Stderr, StringComparison.Ordinal);
        Assert.Contains("One-way", ict.Stderr, StringComparison.Ordinal);
        var requests = rig.Server.Requests.ToList();
        Assert.Contains(requests, r => r.Path == "/fapi/v1/positionSide/dual" && r.Method == "GET");
        Assert.DoesNotContain(requests, r => r.Method != "GET"); // no order, no leverage, no margin type, no listenKey
    }

    [Fact]
    public async Task Binance_AccountInOneWayMode_IsCheckedAndTrades()
    {
        await using var rig = await StartAsync();

        await rig.TradeOnceAsync(Wait);

        Assert.Contains(rig.Server.Requests, r => r.Path == "/fapi/v1/positionSide/dual");
        Assert.Contains(rig.Server.Exchange.Orders, o => o.ClientOrderId.StartsWith("ict-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Binance_SymbolNotTrading_IsRefusedAtStartWithNothingSent()
    {
        await using var rig = await StartAsync();
        rig.Server.Exchange.SetSymbolStatus(Symbol, "SETTLING");

        using var ict = rig.StartEngine();
        await ict.WaitForExitAsync(Wait);

        Assert.Equal(2, ict.ExitCode);
        Assert.Contains($"{Symbol} is not trading on the exchange (exchangeInfo status SETTLING)", ict.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Server.Requests, r => r.Method != "GET");
    }
}
