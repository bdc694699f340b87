namespace Ict.Exchange.Binance.Rest;

/// <summary>The Binance error codes the client acts on.</summary>
public static class BinanceErrorCodes
{
    public const int UnknownError = -1000;
    public const int TooManyRequests = -1003;

    /// <summary>UNEXPECTED_RESP: "Execution status unknown."</summary>
    public const int UnexpectedResponse = -1006;

    /// <summary>TIMEOUT: "Send status unknown; execution status unknown."</summary>
    public const int BackendTimeout = -1007;

    public const int Throttled = -1008;
    public const int InvalidTimestamp = -1021;
    public const int InvalidSignature = -1022;
    public const int MandatoryParam = -1102;
    public const int InvalidListenKey = -1125;
    public const int CancelRejected = -2011;
    public const int NoSuchOrder = -2013;
    public const int RejectedApiKey = -2015;
    public const int NewOrderRejected = -2010;
    public const int MarginInsufficient = -2019;
    public const int WouldImmediatelyTrigger = -2021;
    public const int ReduceOnlyRejected = -2022;
    public const int NoNeedToChangeMarginType = -4046;
    public const int PositionSideMismatch = -4061;
    public const int DuplicateClientOrderId = -4116;
    public const int StopOrderSwitchAlgo = -4120;
    public const int MinNotional = -4164;
}
