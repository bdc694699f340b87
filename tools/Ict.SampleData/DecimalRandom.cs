namespace Ict.SampleData;

/// <summary>
/// Random numbers as decimals, built only from <see cref="Random.Next(int, int)"/> on a seeded <see cref="Random"/>.
/// No floating point and no transcendental functions are involved, so the sequence is identical on every machine.
/// </summary>
internal sealed class DecimalRandom
{
    private const int Resolution = 1_000_000;
    private readonly Random _random;

    public DecimalRandom(int seed) => _random = new Random(seed);

    /// <summary>A uniform value in [0, 1) with six decimals.</summary>
    public decimal Uniform() => _random.Next(0, Resolution) / (decimal)Resolution;

    /// <summary>A uniform value in [min, max).</summary>
    public decimal Uniform(decimal min, decimal max) => min + ((max - min) * Uniform());

    /// <summary>A uniform integer in [minInclusive, maxExclusive).</summary>
    public int Int(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(decimal probability) => Uniform() < probability;

    /// <summary>An approximately standard normal value (Irwin–Hall: the sum of twelve uniforms minus six), bounded to ±6.</summary>
    public decimal Normal()
    {
        var sum = 0m;
        for (var i = 0; i < 12; i++)
        {
            sum += Uniform();
        }

        return sum - 6m;
    }

    /// <summary>A normal value whose tails are occasionally stretched, for the fat tails of crypto returns.</summary>
    public decimal FatTailed(decimal stretchProbability)
    {
        var z = Normal();
        return Chance(stretchProbability) ? z * Uniform(1.8m, 3.2m) : z;
    }
}
