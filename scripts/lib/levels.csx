// Shared helpers for the example scripts, pulled in with #load "lib/levels.csx".
// Files under scripts/lib/ are never run as strategies on their own.

/// Price levels for an entry: a stop beyond the zone's far edge and a target at a reward-to-risk multiple.
static class Levels
{
    public static (decimal Stop, decimal Target) For(bool isLong, decimal entry, Pattern zone, decimal bufferPercent, decimal rewardToRisk)
    {
        var buffer = bufferPercent / 100m;
        var stop = isLong ? zone.Bottom * (1 - buffer) : zone.Top * (1 + buffer);
        var risk = Math.Abs(entry - stop);
        var target = isLong ? entry + rewardToRisk * risk : entry - rewardToRisk * risk;
        return (stop, target);
    }

    public static Pattern? FirstContaining(IReadOnlyList<Pattern> zones, Direction direction, decimal price)
    {
        for (var i = 0; i < zones.Count; i++)
        {
            if (zones[i].Direction == direction && zones[i].Contains(price))
            {
                return zones[i];
            }
        }

        return null;
    }
}
