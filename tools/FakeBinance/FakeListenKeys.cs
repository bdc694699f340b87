namespace FakeBinance;

/// <summary>The listenKey lifecycle: one key per account, 60 minutes from its last keepalive, -1125 once gone.</summary>
public sealed class FakeListenKeys(Func<long> now)
{
    private static readonly long ValidityMs = (long)TimeSpan.FromMinutes(60).TotalMilliseconds;
    private readonly Lock _gate = new();
    private string? _key;
    private long _expiresAt;
    private int _created;
    private int _keepAlives;

    public int Created { get { lock (_gate) { return _created; } } }

    public int KeepAlives { get { lock (_gate) { return _keepAlives; } } }

    public string? Current { get { lock (_gate) { return IsValid(_key) ? _key : null; } } }

    /// <summary>POST: returns the active key (extended) or a new one.</summary>
    public string CreateOrExtend()
    {
        lock (_gate)
        {
            if (!IsValid(_key))
            {
                _key = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray());
                _created++;
            }

            _expiresAt = now() + ValidityMs;
            return _key!;
        }
    }

    /// <summary>PUT: extends the key, or -1125 when there is none.</summary>
    public string KeepAlive()
    {
        lock (_gate)
        {
            if (!IsValid(_key))
            {
                throw new FakeError(400, -1125, "This listenKey does not exist. Please use `POST /fapi/v1/listenKey` to recreate `listenKey`");
            }

            _keepAlives++;
            _expiresAt = now() + ValidityMs;
            return _key!;
        }
    }

    public void Delete()
    {
        lock (_gate)
        {
            _key = null;
        }
    }

    /// <summary>Fault knob: the key expires now; returns it so the caller can tell its listeners.</summary>
    public string? Expire()
    {
        lock (_gate)
        {
            var key = _key;
            _key = null;
            return key;
        }
    }

    public bool IsValid(string? key)
    {
        lock (_gate)
        {
            return key is not null && key == _key && now() < _expiresAt;
        }
    }
}
