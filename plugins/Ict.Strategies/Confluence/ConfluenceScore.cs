namespace Ict.Strategies.Confluence;

/// <summary>Which confluence factors hold for one direction on one candle.</summary>
/// <param name="MarketStructure">The latest standing BOS/CHoCH points this way.</param>
/// <param name="OrderBlock">The close lies in an unmitigated order block of this direction.</param>
/// <param name="Fvg">The close lies in a recent fair value gap of this direction.</param>
/// <param name="Ote">The close is in the optimal-trade-entry retracement of the last leg.</param>
/// <param name="LiquiditySweep">Liquidity on the opposite side was swept recently.</param>
public readonly record struct ConfluenceScore(bool MarketStructure, bool OrderBlock, bool Fvg, bool Ote, bool LiquiditySweep)
{
    /// <summary>The weighted score.</summary>
    /// <param name="o">The weights.</param>
    public double Total(ConfluenceOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return (MarketStructure ? o.MarketStructureWeight : 0) + (OrderBlock ? o.OrderBlockWeight : 0) + (Fvg ? o.FvgWeight : 0)
            + (Ote ? o.OteWeight : 0) + (LiquiditySweep ? o.LiquiditySweepWeight : 0);
    }

    /// <summary>The factors that hold, for the signal's reason, for example <c>structure+ob+fvg</c>.</summary>
    public string Describe() => string.Join('+', new[]
    {
        MarketStructure ? "structure" : null, OrderBlock ? "ob" : null, Fvg ? "fvg" : null, Ote ? "ote" : null, LiquiditySweep ? "sweep" : null,
    }.Where(s => s is not null));
}
