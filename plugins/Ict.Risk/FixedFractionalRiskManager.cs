using System.Globalization;
using Ict.Abstractions;

namespace Ict.Risk;

/// <summary>
/// The seed's fixed-fractional sizing: risk_amount = balance × risk%; size = min(risk_amount / |entry − stop|,
/// balance × maxPosition% / entry), rounded down to the symbol's quantity step. Before sizing it refuses, in this
/// order: a daily loss at its limit (a percentage of the equity at the start of the UTC day), the day's trade
/// count at its limit, too many open positions, a drawdown from the equity peak at its limit, and a running
/// cooldown after a losing streak. A size below the exchange minimum is refused too.
/// </summary>
[IctPlugin("ict.fixed-fractional", PluginKind.Risk, "1.0.0", PluginApi.Version)]
public sealed class FixedFractionalRiskManager : IRiskManager, IConfigurable<FixedFractionalOptions>
{
    private readonly Cooldown _cooldown = new();
    private FixedFractionalOptions _options = new();

    /// <inheritdoc/>
    public void Configure(FixedFractionalOptions options) => _options = options;

    /// <inheritdoc/>
    public RiskDecision Evaluate(EntrySignal signal, IRiskContext context) =>
        CheckLimits(context) ?? Size(signal, context);

    private RiskDecision? CheckLimits(IRiskContext context)
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

        if (context.Positions.Count >= _options.MaxConcurrentPositions)
        {
            return RiskDecision.Reject(RejectionReason.MaxConcurrentPositions, Invariant($"{context.Positions.Count} positions open; the limit is {_options.MaxConcurrentPositions}"));
        }

        var account = context.Account;
        if (account.PeakEquity > 0)
        {
            var drawdown = (account.PeakEquity - account.Equity) / account.PeakEquity * 100m;
            if (drawdown >= _options.MaxDrawdownPercent)
            {
                return RiskDecision.Reject(RejectionReason.MaxDrawdown, Invariant($"equity {account.Equity:0.00} is {drawdown:0.##}% below its peak {account.PeakEquity:0.00}; the limit is {_options.MaxDrawdownPercent}%"));
            }
        }

        var until = _cooldown.Check(today.ConsecutiveLosses, _options.CooldownAfterLosses, TimeSpan.FromMinutes(_options.CooldownMinutes), context.Now);
        return until is { } end
            ? RiskDecision.Reject(RejectionReason.Cooldown, Invariant($"{today.ConsecutiveLosses} losses in a row; paused until {end:yyyy-MM-dd HH:mm} UTC"))
            : null;
    }

    private RiskDecision Size(EntrySignal signal, IRiskContext context)
    {
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

        var leverage = _options.DynamicLeverage
            ? DynamicLeverage.Choose(
                signal.Confidence,
                signal.PriceRisk / signal.EntryPrice * 100m,
                _options.MaxLeveragedStopPercent,
                Math.Min(_options.MaxLeverage, rules.MaxLeverage),
                context.AverageTrueRange(signal.Symbol) is { } atr ? atr / signal.EntryPrice * 100m : null,
                _options.MaxLeveragedAtrPercent)
            : Math.Min(_options.Leverage, rules.MaxLeverage);
        var capped = byValue < bySize ? "capped by max position" : "by risk";
        return RiskDecision.Approve(quantity, leverage, Invariant($"risk {riskAmount:0.00} / price risk {signal.PriceRisk} ⇒ {bySize:0.######}; max position ⇒ {byValue:0.######}; size {quantity} ({capped}); {leverage}x"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
