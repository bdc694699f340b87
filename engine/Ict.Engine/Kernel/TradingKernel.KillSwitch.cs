using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Risk;

namespace Ict.Engine.Kernel;

/// <summary>The kill switch's side of the kernel: refuse entries while engaged, flatten on request.</summary>
internal sealed partial class TradingKernel
{
    public KillSwitch KillSwitch { get; } = new();

    public void OnKillSwitch(KillSwitchInput input)
    {
        var store = parts.Store;
        store.Begin();
        var now = parts.Clock.GetUtcNow();
        if (KillSwitch.Set(input.Engaged, input.Source))
        {
            Publish(new KillSwitchChanged(now, input.Engaged, input.Source));
        }

        if (input.Engaged && input.Flatten)
        {
            parts.Orders.CancelPendingEntries(now, "kill switch engaged");
            foreach (var position in parts.Portfolio.Positions.OrderBy(p => p.Symbol.Value, StringComparer.Ordinal).ToList())
            {
                var price = parts.Portfolio.LastPrice(position.Symbol) ?? position.EntryPrice;
                parts.Orders.ClosePosition(position.Symbol, ExitReason.KillSwitch, price, now);
            }

            parts.Statistics.ObserveEquity(parts.Portfolio.Equity);
        }

        store.Commit();
    }

    private RiskDecision? KillSwitchCheck() => KillSwitch.Engaged
        ? RiskDecision.Reject(RejectionReason.KillSwitch, $"the kill switch is engaged ({KillSwitch.Source}); no new entries")
        : null;
}
