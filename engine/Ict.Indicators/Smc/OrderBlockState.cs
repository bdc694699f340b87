namespace Ict.Indicators.Smc;

/// <summary>The per-row arrays smc's two order-block passes share.</summary>
internal sealed class OrderBlockState
{
    public OrderBlockState(int n)
    {
        Ob = new int[n];
        Top = new float[n];
        Bottom = new float[n];
        Volume = new float[n];
        LowVolume = new float[n];
        HighVolume = new float[n];
        Percentage = new float[n];
        Mitigated = new int[n];
        Breaker = new bool[n];
        Crossed = new bool[n];
    }

    public int[] Ob { get; }

    public float[] Top { get; }

    public float[] Bottom { get; }

    public float[] Volume { get; }

    public float[] LowVolume { get; }

    public float[] HighVolume { get; }

    public float[] Percentage { get; }

    public int[] Mitigated { get; }

    public bool[] Breaker { get; }

    public bool[] Crossed { get; }

    /// <summary>Deletes a block; the breaker flag stays, as in smc.</summary>
    public void Reset(int row)
    {
        Ob[row] = 0;
        Top[row] = Bottom[row] = Volume[row] = LowVolume[row] = HighVolume[row] = Percentage[row] = 0f;
        Mitigated[row] = 0;
    }

    public OrderBlockResult ToResult()
    {
        var n = Ob.Length;
        var dir = Fvg.Filled(n);
        var top = new float[n];
        var bottom = new float[n];
        var volume = new float[n];
        var mitigated = Fvg.Filled(n);
        var percentage = new float[n];
        for (var i = 0; i < n; i++)
        {
            var on = Ob[i] != 0;
            dir[i] = on ? Ob[i] : double.NaN;
            top[i] = on ? Top[i] : float.NaN;
            bottom[i] = on ? Bottom[i] : float.NaN;
            volume[i] = on ? Volume[i] : float.NaN;
            mitigated[i] = on ? Mitigated[i] : double.NaN;
            percentage[i] = on ? Percentage[i] : float.NaN;
        }

        return new OrderBlockResult(dir, top, bottom, volume, mitigated, percentage);
    }
}
