using System.Text.Json;
using Ict.Exchange.Binance.Json;
using Ict.Exchange.Binance.Models;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>Every shared Binance fixture (docs examples and real captures) deserializes into the client's models.</summary>
public sealed class BinanceFixtureParsingTests
{
    private static readonly Dictionary<string, Type> RestModels = new(StringComparer.Ordinal)
    {
        ["GetServerTime"] = typeof(ServerTimeResponse),
        ["GetExchangeInfo"] = typeof(ExchangeInfoResponse),
        ["GetKlines"] = typeof(List<KlineRow>),
        ["PlaceOrder"] = typeof(OrderResponse),
        ["CancelOrder"] = typeof(OrderResponse),
        ["GetOpenOrders"] = typeof(List<OrderResponse>),
        ["GetOrder"] = typeof(OrderResponse),
        ["GetBalances"] = typeof(List<BalanceEntry>),
        ["GetPositions"] = typeof(List<PositionRiskEntry>),
        ["GetPositionInformation"] = typeof(List<PositionRiskEntry>),
        ["ChangeInitialLeverage"] = typeof(LeverageResponse),
        ["ChangeMarginType"] = typeof(CodeMessageResponse),
        ["StartUserStream"] = typeof(ListenKeyResponse),
        ["KeepAliveUserStream"] = typeof(ListenKeyResponse),
        ["StopUserStream"] = typeof(ListenKeyResponse),
        ["PlaceConditionalOrder"] = typeof(AlgoOrderResponse),
        ["CancelConditionalOrder"] = typeof(AlgoOrderResponse),
        ["CancelAllConditionalOrders"] = typeof(CodeMessageResponse),
        ["GetOpenConditionalOrders"] = typeof(List<AlgoOrderResponse>),
        ["GetConditionalOrder"] = typeof(AlgoOrderResponse),
        ["GetConditionalOrders"] = typeof(List<AlgoOrderResponse>),
        ["CancelAllOrders"] = typeof(CodeMessageResponse),
        ["GetAccountInfoV3"] = typeof(AccountInfoResponse),
    };

    private static readonly Dictionary<string, Type> StreamModels = new(StringComparer.Ordinal)
    {
        ["Klines"] = typeof(KlineEvent),
        ["OrderUpdate"] = typeof(OrderTradeUpdateEvent),
        ["AccountUpdate"] = typeof(AccountUpdateEvent),
        ["AlgoOrderUpdate"] = typeof(AlgoUpdateEvent),
        ["TradeUpdate"] = typeof(TradeLiteEvent),
        ["Leverage"] = typeof(AccountConfigUpdateEvent),
        ["MarginUpdate"] = typeof(MarginCallEvent),
        ["ConditionalTrigger"] = typeof(ConditionalTriggerRejectEvent),
    };

    private static readonly Dictionary<string, Type> RecordedModels = new(StringComparer.Ordinal)
    {
        ["exchangeInfo_symbols_BTCUSDT_ETHUSDT"] = typeof(List<ExchangeSymbol>),
        ["get_fapi_v1_depth_BTCUSDT_limit5"] = typeof(DepthResponse),
        ["get_fapi_v1_klines_BTCUSDT_1m_limit3"] = typeof(List<KlineRow>),
        ["get_fapi_v1_openOrder_LTCUSDT_GTX"] = typeof(OrderResponse),
        ["get_fapi_v1_userTrades_BTCUSDT"] = typeof(List<UserTrade>),
        ["get_fapi_v2_account_flat"] = typeof(AccountInfoResponse),
        ["get_fapi_v3_positionRisk_BTCUSDT"] = typeof(List<PositionRiskEntry>),
        ["post_fapi_v1_batchOrders_limit_BTCUSDT"] = typeof(List<OrderResponse>),
    };

    [SkippableFact]
    public void Binance_EveryDocsExampleRestBody_DeserializesIntoItsModel()
    {
        var folder = SharedData.RequireFolder("binance/docs-examples/rest");
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            Assert.True(RestModels.TryGetValue(name, out var type), $"no model mapped for {name}");
            Assert.NotNull(System.Text.Json.JsonSerializer.Deserialize(File.ReadAllText(file), type, BinanceJson.Options));
        }
    }

    [SkippableFact]
    public void Binance_EveryDocsExampleStreamFrame_DeserializesIntoItsEvent()
    {
        var folder = SharedData.RequireFolder("binance/docs-examples/ws");
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            Assert.True(StreamModels.TryGetValue(name, out var type), $"no model mapped for {name}");
            var frame = BinanceJson.Deserialize<StreamFrame>(File.ReadAllText(file));
            Assert.NotNull(frame.Data.Deserialize(type, BinanceJson.Options));
        }
    }

    [SkippableFact]
    public void Binance_EveryRecordedResponse_DeserializesIntoItsModel()
    {
        var folder = SharedData.RequireFolder("binance/recorded");
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            Assert.True(RecordedModels.TryGetValue(name, out var type), $"no model mapped for {name}");
            Assert.NotNull(System.Text.Json.JsonSerializer.Deserialize(File.ReadAllText(file), type, BinanceJson.Options));
        }
    }

    [SkippableFact]
    public void Binance_KlineFixture_TakesTheIntervalFromTheKlineNotTheStreamName()
    {
        var frame = BinanceJson.Deserialize<StreamFrame>(File.ReadAllText(SharedData.RequireFile("binance/docs-examples/ws/Klines.json")));
        var kline = frame.Data.Deserialize<KlineEvent>(BinanceJson.Options)!;

        Assert.Equal("btcusdt@kline_1M", frame.Stream);
        Assert.Equal("1m", kline.Kline.ToCandle().Interval.Code);
        Assert.False(kline.Kline.IsClosed);
    }

    [SkippableFact]
    public void Binance_FinishedConditionalOrder_CarriesItsChildOrderIdAndFillPrice()
    {
        var order = BinanceJson.Deserialize<AlgoOrderResponse>(File.ReadAllText(SharedData.RequireFile("binance/docs-examples/rest/GetConditionalOrder.json")));

        Assert.Equal(1000001270850379, order.AlgoId);
        Assert.Equal("FINISHED", order.AlgoStatus);
        Assert.Equal(69080.20m, order.TriggerPrice);
        Assert.Equal(69067.6m, order.ActualPrice);
        Assert.Equal("974828356187", order.ActualOrderId);
    }

    [SkippableFact]
    public void Binance_RecordedPositionRisk_ReadsStringifiedIntegers()
    {
        var rows = BinanceJson.Deserialize<List<PositionRiskEntry>>(File.ReadAllText(SharedData.RequireFile("binance/recorded/get_fapi_v3_positionRisk_BTCUSDT.json")));

        Assert.Equal(0.009m, rows[0].PositionAmt);
        Assert.Equal(1722161166529, rows[0].UpdateTime);
    }
}
