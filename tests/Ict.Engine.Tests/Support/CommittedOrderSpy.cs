using Ict.Abstractions;
using Ict.Engine.Trading;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.Tests.Support;

/// <summary>A venue decorator that, on every submit, reads the order's row through a separate SQLite connection.</summary>
internal sealed class CommittedOrderSpy(IOrderVenue inner) : IOrderVenue
{
    public string DatabasePath { get; set; } = "";

    public List<(string ClientOrderId, string? StatusSeenByOtherConnection)> Seen { get; } = [];

    public VenueFill? Submit(VenueOrder order, decimal? immediatePrice, DateTimeOffset now)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM orders WHERE client_order_id = $id";
        command.Parameters.AddWithValue("$id", order.ClientOrderId);
        Seen.Add((order.ClientOrderId, command.ExecuteScalar() as string));
        return inner.Submit(order, immediatePrice, now);
    }

    public bool Cancel(string clientOrderId) => inner.Cancel(clientOrderId);

    public bool AcknowledgesLater => inner.AcknowledgesLater;

    public IReadOnlyList<VenueFill> FillAtOpen(Candle candle) => inner.FillAtOpen(candle);

    public IReadOnlyList<VenueTrigger> CheckTriggers(Candle candle) => inner.CheckTriggers(candle);
}
