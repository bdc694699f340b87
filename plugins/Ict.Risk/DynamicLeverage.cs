namespace Ict.Risk;

/// <summary>
/// Leverage from the signal's confidence, interpolated between the seed's points (below 70% ⇒ 1x, 70% ⇒ 3x,
/// 90% ⇒ 10x, 100% ⇒ 20x), then lowered so that leverage × stop distance and leverage × ATR (both as a percentage of
/// the entry) stay within their budgets, then capped.
/// </summary>
internal static class DynamicLeverage
{
    private static readonly (double Confidence, double Leverage)[] Points = [(0.7, 3), (0.9, 10), (1.0, 20)];

    public static int FromConfidence(double confidence)
    {
        if (double.IsNaN(confidence) || confidence < Points[0].Confidence)
        {
            return 1;
        }

        for (var i = 1; i < Points.Length; i++)
        {
            var (c0, l0) = Points[i - 1];
            var (c1, l1) = Points[i];
            if (confidence <= c1)
            {
                return (int)Math.Floor(l0 + ((confidence - c0) / (c1 - c0) * (l1 - l0)) + 1e-9);
            }
        }

        return (int)Points[^1].Leverage;
    }

    public static int Choose(double confidence, decimal stopDistancePercent, decimal maxLeveragedStopPercent, int cap, decimal? atrPercent = null, decimal maxLeveragedAtrPercent = 0m)
    {
        var leverage = FromConfidence(confidence);
        if (stopDistancePercent > 0)
        {
            var byStop = (int)Math.Floor(maxLeveragedStopPercent / stopDistancePercent);
            leverage = Math.Min(leverage, Math.Max(1, byStop));
        }

        if (atrPercent is > 0 && maxLeveragedAtrPercent > 0)
        {
            var byAtr = (int)Math.Floor(maxLeveragedAtrPercent / atrPercent.Value);
            leverage = Math.Min(leverage, Math.Max(1, byAtr));
        }

        return Math.Clamp(leverage, 1, cap);
    }
}
