namespace FakeBinance;

/// <summary>The counters behind X-MBX-USED-WEIGHT-1M and X-MBX-ORDER-COUNT-10S/1M (fixed windows on server time).</summary>
public sealed class FakeUsage
{
    private readonly Lock _gate = new();
    private long _minute = -1;
    private long _tenSeconds = -1;
    private long _weight;
    private long _orders1m;
    private long _orders10s;

    public (long Weight, long Orders10s, long Orders1m) Add(long nowMs, int weight, bool isOrder)
    {
        lock (_gate)
        {
            if (nowMs / 60_000 != _minute)
            {
                _minute = nowMs / 60_000;
                _weight = 0;
                _orders1m = 0;
            }

            if (nowMs / 10_000 != _tenSeconds)
            {
                _tenSeconds = nowMs / 10_000;
                _orders10s = 0;
            }

            _weight += weight;
            if (isOrder)
            {
                _orders1m++;
                _orders10s++;
            }

            return (_weight, _orders10s, _orders1m);
        }
    }
}
