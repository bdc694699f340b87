namespace FakeBinance;

/// <summary>An error the fake answers with: HTTP status plus Binance's {"code","msg"}.</summary>
public sealed class FakeError(int httpStatus, int code, string message) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public int Code { get; } = code;
}
