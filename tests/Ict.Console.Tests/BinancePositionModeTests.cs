using Ict.Console.Tests.Support;
using static Ict.Console.Tests.Support.BinanceRig;

namespace Ict.Console.Tests;

/// <summary>
/// The engine trades One-way Mode (every order's positionSide is BOTH). An account in Hedge Mode would refuse each of
/// its orders, stop-losses included (-4061), so the engine checks the position mode when it connects and refuses to
/// start, saying how to fix it.
/// </summary>
public sealed class BinancePositionModeTests
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
}
