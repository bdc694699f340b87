using Ict.Abstractions;

namespace Ict.Risk.Tests;

public sealed class FixedFractionalRiskManagerTests
{
    private static readonly EntrySignal Long = new(FakeRiskContext.Btc, PositionSide.Long, 40_000m, 39_600m, 40_400m);

    private static FixedFractionalRiskManager Manager(FixedFractionalOptions? options = null)
    {
        var manager = new FixedFractionalRiskManager();
        manager.Configure(options ?? new FixedFractionalOptions());
        return manager;
    }

    [Fact]
    public void A_clean_signal_is_sized_by_one_percent_risk_capped_by_ten_percent_of_the_balance()
    {
        var decision = Manager().Evaluate(Long, new FakeRiskContext());

        // risk 100 / 400 = 0.25 BTC, but 10% of 10,000 / 40,000 = 0.025 BTC caps it.
        Assert.True(decision.IsApproved);
        Assert.Equal(0.025m, decision.Quantity);
        Assert.Equal(1, decision.Leverage);
    }

    [Fact]
    public void The_size_is_rounded_down_to_the_quantity_step()
    {
        var context = new FakeRiskContext { Rules = new(FakeRiskContext.Btc, 0.1m, 0.01m, 0.01m, 5m, 20) };

        var decision = Manager().Evaluate(Long, context);

        Assert.Equal(0.02m, decision.Quantity);
    }

    [Fact]
    public void A_daily_loss_at_three_percent_of_the_day_start_equity_is_refused_as_DailyLossLimit()
    {
        var context = new FakeRiskContext();
        context.Today = context.Today with { RealizedPnl = -300m };

        Assert.Equal(RejectionReason.DailyLossLimit, Manager().Evaluate(Long, context).Reason);
    }

    [Fact]
    public void A_daily_loss_just_under_the_limit_still_trades()
    {
        var context = new FakeRiskContext();
        context.Today = context.Today with { RealizedPnl = -299.99m };

        Assert.True(Manager().Evaluate(Long, context).IsApproved);
    }

    [Fact]
    public void The_sixth_trade_of_a_day_is_refused_as_MaxDailyTrades()
    {
        var context = new FakeRiskContext();
        context.Today = context.Today with { TradesOpened = 5 };

        Assert.Equal(RejectionReason.MaxDailyTrades, Manager().Evaluate(Long, context).Reason);
    }

    [Fact]
    public void A_fourth_concurrent_position_is_refused_as_MaxConcurrentPositions()
    {
        var context = new FakeRiskContext();
        context.OpenPositions.AddRange([FakeRiskContext.Position("ETHUSDT"), FakeRiskContext.Position("SOLUSDT")]);
        Assert.True(Manager().Evaluate(Long, context).IsApproved);

        context.OpenPositions.Add(FakeRiskContext.Position("XRPUSDT"));

        Assert.Equal(RejectionReason.MaxConcurrentPositions, Manager().Evaluate(Long, context).Reason);
    }

    [Fact]
    public void Equity_fifteen_percent_below_its_peak_is_refused_as_MaxDrawdown()
    {
        var context = new FakeRiskContext { Account = new("USDT", 8_600m, 8_500m, 8_500m, 10_000m) };
        context.Today = context.Today with { StartEquity = 1_000_000m };

        Assert.Equal(RejectionReason.MaxDrawdown, Manager().Evaluate(Long, context).Reason);

        context.Account = context.Account with { Equity = 8_501m };
        Assert.True(Manager().Evaluate(Long, context).IsApproved);
    }

    [Fact]
    public void Three_losses_in_a_row_pause_entries_for_the_cooldown_and_then_trading_resumes()
    {
        var manager = Manager(new FixedFractionalOptions { CooldownAfterLosses = 3, CooldownMinutes = 60 });
        var context = new FakeRiskContext();
        context.Today = context.Today with { ConsecutiveLosses = 3 };

        var first = manager.Evaluate(Long, context);
        context.Now = context.Now.AddMinutes(59);
        var during = manager.Evaluate(Long, context);
        context.Now = context.Now.AddMinutes(1);
        var after = manager.Evaluate(Long, context);

        Assert.Equal(RejectionReason.Cooldown, first.Reason);
        Assert.Contains("13:00", first.Detail, StringComparison.Ordinal);
        Assert.Equal(RejectionReason.Cooldown, during.Reason);
        Assert.True(after.IsApproved);
    }

    [Fact]
    public void A_further_loss_in_the_streak_starts_a_new_cooldown_and_a_winner_clears_it()
    {
        var manager = Manager(new FixedFractionalOptions { CooldownAfterLosses = 2, CooldownMinutes = 30 });
        var context = new FakeRiskContext();
        context.Today = context.Today with { ConsecutiveLosses = 2 };
        manager.Evaluate(Long, context);
        context.Now = context.Now.AddMinutes(31);
        Assert.True(manager.Evaluate(Long, context).IsApproved);

        context.Today = context.Today with { ConsecutiveLosses = 3 };
        Assert.Equal(RejectionReason.Cooldown, manager.Evaluate(Long, context).Reason);

        context.Today = context.Today with { ConsecutiveLosses = 0 };
        Assert.True(manager.Evaluate(Long, context).IsApproved);
    }

    [Fact]
    public void A_size_below_the_five_usdt_minimum_notional_is_refused_as_MinNotional()
    {
        var context = new FakeRiskContext { Account = new("USDT", 40m, 40m, 40m, 40m) };
        context.Today = context.Today with { StartEquity = 40m };

        var decision = Manager().Evaluate(Long, context);

        Assert.Equal(RejectionReason.MinNotional, decision.Reason);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.7, 3)]
    [InlineData(0.8, 6)]
    [InlineData(0.9, 10)]
    [InlineData(1.0, 20)]
    public void Dynamic_leverage_follows_the_confidence_points(double confidence, int expected)
    {
        var manager = Manager(new FixedFractionalOptions { DynamicLeverage = true, MaxLeverage = 20, MaxLeveragedStopPercent = 100m });

        var decision = manager.Evaluate(Long with { Confidence = confidence }, new FakeRiskContext());

        Assert.Equal(expected, decision.Leverage);
    }

    [Fact]
    public void Dynamic_leverage_is_capped_by_config_the_symbol_and_a_wide_stop()
    {
        var signal = Long with { Confidence = 1.0 };
        var byConfig = Manager(new FixedFractionalOptions { DynamicLeverage = true, MaxLeverage = 5, MaxLeveragedStopPercent = 100m });
        var bySymbol = Manager(new FixedFractionalOptions { DynamicLeverage = true, MaxLeverage = 50, MaxLeveragedStopPercent = 100m });
        var byStop = Manager(new FixedFractionalOptions { DynamicLeverage = true, MaxLeverage = 20, MaxLeveragedStopPercent = 4m });

        Assert.Equal(5, byConfig.Evaluate(signal, new FakeRiskContext()).Leverage);
        Assert.Equal(20, bySymbol.Evaluate(signal, new FakeRiskContext()).Leverage);

        // the stop is 1% away: 4% / 1% ⇒ at most 4x.
        Assert.Equal(4, byStop.Evaluate(signal, new FakeRiskContext()).Leverage);
    }

    [Fact]
    public void Dynamic_leverage_is_lowered_in_a_volatile_market_by_the_atr()
    {
        var signal = Long with { Confidence = 1.0 };
        var manager = Manager(new FixedFractionalOptions { DynamicLeverage = true, MaxLeverage = 20, MaxLeveragedStopPercent = 100m, MaxLeveragedAtrPercent = 5m });
        var entry = signal.EntryPrice;

        // ATR of 1% of the entry: 5% / 1% ⇒ at most 5x; 0.2%: 25x, so the confidence's 20x stands; unknown: 20x.
        Assert.Equal(5, manager.Evaluate(signal, new FakeRiskContext { Atr = entry * 0.01m }).Leverage);
        Assert.Equal(20, manager.Evaluate(signal, new FakeRiskContext { Atr = entry * 0.002m }).Leverage);
        Assert.Equal(20, manager.Evaluate(signal, new FakeRiskContext { Atr = null }).Leverage);
    }
}
