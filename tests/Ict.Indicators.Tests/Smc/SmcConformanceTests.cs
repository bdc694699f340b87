using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

/// <summary>Every smc golden file reproduced cell by cell from EURUSD_15M.csv with the library's own test parameters.</summary>
public sealed class SmcConformanceTests
{
    [SkippableFact]
    public void Fvg_WithDefaults_MatchesSmcFile() =>
        ExpectedTable.AssertMatches(SmcData.Require("fvg_result_data.csv"), Fvg.Compute(SmcData.Input()).ToTable());

    [SkippableFact]
    public void Fvg_WhenJoinConsecutive_MatchesSmcFile() =>
        ExpectedTable.AssertMatches(
            SmcData.Require("fvg_consecutive_result_data.csv"), Fvg.Compute(SmcData.Input(), joinConsecutive: true).ToTable());

    [SkippableFact]
    public void SwingHighsLows_WithLength5_MatchesSmcFile() =>
        ExpectedTable.AssertMatches(SmcData.Require("swing_highs_lows_result_data.csv"), SmcData.Swings().ToTable());

    [SkippableFact]
    public void BosChoch_WithCloseBreak_MatchesSmcFile() =>
        ExpectedTable.AssertMatches(
            SmcData.Require("bos_choch_result_data.csv"), BosChoch.Compute(SmcData.Input(), SmcData.Swings()).ToTable());

    [SkippableFact]
    public void OrderBlocks_WithWickMitigation_MatchesSmcFile() =>
        ExpectedTable.AssertMatches(
            SmcData.Require("ob_result_data.csv"), OrderBlocks.Compute(SmcData.Input(), SmcData.Swings()).ToTable());

    [SkippableFact]
    public void Liquidity_WithOnePercentRange_MatchesSmcFile() =>
        ExpectedTable.AssertMatches(
            SmcData.Require("liquidity_result_data.csv"), Liquidity.Compute(SmcData.Input(), SmcData.Swings()).ToTable());

    [SkippableFact]
    public void Retracements_FromLength5Swings_MatchesSmcFile() =>
        ExpectedTable.AssertMatches(
            SmcData.Require("retracements_result_data.csv"), Retracements.Compute(SmcData.Input(), SmcData.Swings()).ToTable());

    [SkippableTheory]
    [InlineData(SmcTimeFrame.FourHours, "previous_high_low_result_data_4h.csv")]
    [InlineData(SmcTimeFrame.OneDay, "previous_high_low_result_data_1D.csv")]
    [InlineData(SmcTimeFrame.Week, "previous_high_low_result_data_W.csv")]
    public void PreviousHighLow_ForEachTimeFrame_MatchesSmcFile(SmcTimeFrame timeFrame, string file) =>
        ExpectedTable.AssertMatches(SmcData.Require(file), PreviousHighLow.Compute(SmcData.Input(), timeFrame).ToTable());

    [SkippableFact]
    public void Sessions_ForLondonInUtc_MatchesSmcFile() =>
        ExpectedTable.AssertMatches(
            SmcData.Require("sessions_result_data.csv"),
            Sessions.Compute(SmcData.Input(), SessionWindow.Presets["London"]).ToTable());
}
