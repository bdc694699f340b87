using System.Globalization;
using Ict.Abstractions;

namespace Ict.Risk;

/// <summary>
/// The seed's fixed-fractional sizing: risk_amount = balance × risk%; size = min(risk_amount / |entry − stop|,
/// balance × maxPosition% / entry), rounded down to the symbol's quantity step. Refuses entries once today's loss
/// reaches the daily limit (a percentage of the equity at the start of the UTC day) or today's trade count reaches
/// its limit, and when the sized order is below the exchange minimum.
/// </summary>
[IctPlugin("ict.fixed-fractional", PluginKind.Risk, "1.0.0", PluginApi.Version)]
public sealed class FixedFractionalRiskManager : IRiskManager, IConfigurable<FixedFractionalOptions>
{
    private FixedFractionalOptions _options = new();

    /// <inheritdoc/>
    public void Configure(FixedFractionalOptions options) => _options = options;

    /// <inheritdoc/>
    public RiskDecision Evaluate(EntrySignal signal, IRiskContext context)
    {
        var today = context.Today;
        var lossLimit = today.StartEquity * _options.MaxDailyLossPercent / 100m;
        if (-today.RealizedPnl >= lossLimit && lossLimit > 0)
        {
            return RiskDecision.Reject(RejectionReason.DailyLossLimit, Invariant($"today's loss {-today.RealizedPnl:0.00} has reached {_options.MaxDailyLossPercent}% of the day's starting equity {today.StartEquity:0.00} ({lossLimit:0.00})"));
        }

        if (today.TradesOpened >= _options.MaxDailyTrades)
        {
            return RiskDecision.Reject(RejectionReason.MaxDailyTrades, Invariant($"{today.TradesOpened} trades opened today; the limit is {_options.MaxDailyTrades}"));
        }

        var balance = context.Account.Balance;
        var riskAmount = balance * _options.RiskPerTradePercent / 100m;
        var bySize = riskAmount / signal.PriceRisk;
        var byValue = balance * _options.MaxPositionPercent / 100m / signal.EntryPrice;
        var rules = context.GetRules(signal.Symbol);
        var quantity = rules.RoundQuantityDown(Math.Min(bySize, byValue));
        var notional = quantity * signal.EntryPrice;
        if (quantity <= 0 || quantity < rules.MinQuantity || notional < rules.MinNotional)
        {
            return RiskDecision.Reject(RejectionReason.MinNotional, Invariant($"size {quantity} × {signal.EntryPrice} = {notional:0.00} is below the exchange minimum ({rules.MinQuantity}, {rules.MinNotional} notional)"));
        }

        var capped = byValue < bySize ? "capped by max position" : "by risk";
        return RiskDecision.Approve(quantity, _options.Leverage, Invariant($"risk {riskAmount:0.00} / price risk {signal.PriceRisk} ⇒ {bySize:0.######}; max position ⇒ {byValue:0.######}; size {quantity} ({capped})"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
