using System.Globalization;
using System.Text.Json.Nodes;
using Ict.Abstractions;

namespace Ict.Notifiers.Discord;

/// <summary>
/// Builds the webhook body: one embed per notification. Position opened: green for a long, red for a short, with
/// symbol, entry, size, stop and target. Position closed: green for a profit, red for a loss, with the PnL and the
/// exit reason. Errors are red.
/// </summary>
public static class DiscordEmbed
{
    /// <summary>Green.</summary>
    public const int Green = 0x2ECC71;

    /// <summary>Red.</summary>
    public const int Red = 0xE74C3C;

    /// <summary>Blue, for information and tests.</summary>
    public const int Blue = 0x3498DB;

    /// <summary>Amber, for refused signals and warnings.</summary>
    public const int Amber = 0xF1C40F;

    /// <summary>Builds the JSON body for a notification.</summary>
    /// <param name="notification">What to say.</param>
    /// <param name="username">The poster's name, or empty.</param>
    /// <returns>The webhook body.</returns>
    public static JsonObject Build(Notification notification, string username)
    {
        var embed = new JsonObject
        {
            ["title"] = Cut(notification.Title, 256),
            ["description"] = Cut(notification.Message, 4096),
            ["timestamp"] = notification.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["color"] = Color(notification),
        };
        var fields = Fields(notification);
        if (fields.Count > 0)
        {
            embed["fields"] = fields;
        }

        var body = new JsonObject { ["embeds"] = new JsonArray(embed) };
        if (username.Length > 0)
        {
            body["username"] = username;
        }

        return body;
    }

    private static int Color(Notification n) => n.Kind switch
    {
        NotificationKind.PositionOpened when n.Position is { } p => p.Side == PositionSide.Long ? Green : Red,
        NotificationKind.PositionClosed when n.Trade is { } t => t.NetPnl >= 0 ? Green : Red,
        NotificationKind.Error => Red,
        _ when n.Severity == Severity.Error => Red,
        NotificationKind.SignalRejected => Amber,
        _ when n.Severity == Severity.Warning => Amber,
        _ => Blue,
    };

    private static JsonArray Fields(Notification n)
    {
        var fields = new JsonArray();
        if (n.Kind == NotificationKind.PositionOpened && n.Position is { } p)
        {
            Add(fields, "Symbol", p.Symbol.Value);
            Add(fields, "Side", p.Side == PositionSide.Long ? "LONG" : "SHORT");
            Add(fields, "Entry", Num(p.EntryPrice));
            Add(fields, "Size", Num(p.Quantity));
            Add(fields, "SL", p.StopLoss is { } sl ? Num(sl) : "none");
            Add(fields, "TP", p.TakeProfit is { } tp ? Num(tp) : "none");
            Add(fields, "Leverage", p.Leverage.ToString(CultureInfo.InvariantCulture) + "x");
        }
        else if (n.Kind == NotificationKind.PositionClosed && n.Trade is { } t)
        {
            Add(fields, "Symbol", t.Symbol.Value);
            Add(fields, "Side", t.Side == PositionSide.Long ? "LONG" : "SHORT");
            Add(fields, "Entry", Num(t.EntryPrice));
            Add(fields, "Exit", Num(t.ExitPrice));
            Add(fields, "Size", Num(t.Quantity));
            Add(fields, "PnL", t.NetPnl.ToString("+0.00;-0.00", CultureInfo.InvariantCulture));
            Add(fields, "Exit reason", t.ExitReason.ToString());
        }

        return fields;
    }

    private static void Add(JsonArray fields, string name, string value) =>
        fields.Add(new JsonObject { ["name"] = name, ["value"] = value, ["inline"] = true });

    private static string Num(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
