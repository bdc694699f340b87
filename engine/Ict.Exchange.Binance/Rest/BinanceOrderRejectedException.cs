namespace Ict.Exchange.Binance.Rest;

/// <summary>Why the exchange refused an order, as a type the order manager can branch on.</summary>
public enum BinanceRejection
{
    Other = 0,
    WouldImmediatelyTrigger = 1,
    MinNotional = 2,
    InsufficientMargin = 3,
    ConditionalTypeOnOrderEndpoint = 4,
    ReduceOnlyRejected = 5,
    DuplicateClientOrderId = 6,
}

/// <summary>A final order rejection (-2021, -4164, -2019, -4120...), carrying the typed reason.</summary>
public sealed class BinanceOrderRejectedException : BinanceApiException
{
    public BinanceOrderRejectedException(int httpStatus, int code, string binanceMessage)
        : base(httpStatus, code, binanceMessage)
    {
        Rejection = code switch
        {
            BinanceErrorCodes.WouldImmediatelyTrigger => BinanceRejection.WouldImmediatelyTrigger,
            BinanceErrorCodes.MinNotional => BinanceRejection.MinNotional,
            BinanceErrorCodes.MarginInsufficient => BinanceRejection.InsufficientMargin,
            BinanceErrorCodes.StopOrderSwitchAlgo => BinanceRejection.ConditionalTypeOnOrderEndpoint,
            BinanceErrorCodes.ReduceOnlyRejected => BinanceRejection.ReduceOnlyRejected,
            BinanceErrorCodes.DuplicateClientOrderId => BinanceRejection.DuplicateClientOrderId,
            _ => BinanceRejection.Other,
        };
    }

    public BinanceRejection Rejection { get; }

    public static bool IsOrderRejectionCode(int code) =>
        code is BinanceErrorCodes.WouldImmediatelyTrigger or BinanceErrorCodes.MinNotional or BinanceErrorCodes.MarginInsufficient
            or BinanceErrorCodes.StopOrderSwitchAlgo or BinanceErrorCodes.ReduceOnlyRejected or BinanceErrorCodes.DuplicateClientOrderId or BinanceErrorCodes.NewOrderRejected;
}
