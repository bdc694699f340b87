using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ict.Engine.Configuration;
using Ict.Engine.Status;

namespace Ict.Console.Commands;

/// <summary>
/// <c>ict status</c>: the operator's view over SSH, read from the <c>status.json</c> a running engine rewrites beside
/// its database. Exit 0 when the engine is running, 1 when it is not (or never ran here), 2 on a bad config, 3 when
/// its process is alive but the file has gone stale (hung or overloaded).
/// </summary>
internal static class StatusCommand
{
    public const int NotRunning = 1;
    public const int Stale = 3;

    public static Command Create(Option<string> configOption)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object: engine (running, stale, stopped, dead, absent), statusFile, checkedAt and the status itself." };
        var command = new Command("status", """
            Show the running engine's state: mode, uptime, positions, PnL, equity, trades today, plugins, last error.
            Exit codes: 0 running; 1 not running; 2 bad config; 3 running but its status file is stale (hung?).
            """)
        {
            configOption,
            json,
        };
        command.SetAction(parse => Show(parse.GetValue(configOption)!, parse.GetValue(json)));
        return command;
    }

    private static int Show(string configPath, bool asJson)
    {
        if (!ConfigLoader.TryLoad(configPath, out var config))
        {
            return ExitCodes.BadInput;
        }

        var path = StatusFile.PathFor(config.ResolvePath(config.Options.State.Database));
        var now = TimeProvider.System.GetUtcNow();
        var status = StatusFile.Read(path);
        var liveness = status is null ? (EngineLiveness?)null : StatusLivenessCheck.Judge(status, now, StatusFile.IsWriterAlive);
        if (asJson)
        {
            var report = new { engine = liveness?.ToString().ToLowerInvariant() ?? "absent", statusFile = path, checkedAt = now, status };
            System.Console.WriteLine(JsonSerializer.Serialize(report, StatusFile.Json));
        }
        else
        {
            System.Console.Write(Describe(status, liveness, path, now));
        }

        return liveness switch
        {
            EngineLiveness.Running => ExitCodes.Ok,
            EngineLiveness.Stale => Stale,
            _ => NotRunning,
        };
    }

    internal static string Describe(StatusDocument? s, EngineLiveness? liveness, string path, DateTimeOffset now)
    {
        var text = new StringBuilder();
        if (s is null)
        {
            return $"Engine: not running (no status file at {path}; has an engine run with this config, with $.status.file on?)\n";
        }

        var seen = $"{Time(s.WrittenAt)} ({Ago(now - s.WrittenAt)} ago)";
        text.AppendLine(liveness switch
        {
            EngineLiveness.Running => $"Engine: running (pid {s.Pid}), {s.Mode}, venue {s.Venue}, up {Span(s.UptimeSeconds)}",
            EngineLiveness.Stale => $"Engine: STALE: pid {s.Pid} is alive but has not written its status since {seen}; it may be hung",
            EngineLiveness.Stopped => $"Engine: not running; its run ended cleanly, last seen {seen}",
            _ => $"Engine: not running (pid {s.Pid} is gone); last seen {seen}",
        });
        if (liveness != EngineLiveness.Running)
        {
            text.AppendLine("Last known state:");
        }

        text.AppendLine(Invariant($"  run {s.RunId}  started {Time(s.StartedAt)}  uptime {Span(s.UptimeSeconds)}  engine time {(s.EngineTime is { } t ? Time(t) : "-")}"));
        text.AppendLine(Invariant($"  equity {s.Equity:0.00} {s.Asset}  balance {s.Balance:0.00}  today's PnL {s.TodayPnl:+0.00;-0.00;0.00}  trades today {s.TradesToday}{(s.TradesPerDayLimit is { } limit ? Invariant($"/{limit}") : string.Empty)}"));
        text.AppendLine($"  kill switch {(s.KillSwitchEngaged ? $"ENGAGED ({s.KillSwitchSource})" : "off")}  trading {(s.TradingPaused ? "PAUSED" : "active")}  reconnects {s.Reconnects}");
        if (s.MetricsUrl is not null)
        {
            text.AppendLine($"  metrics {s.MetricsUrl}");
        }

        text.AppendLine($"Positions ({s.Positions.Count}):");
        foreach (var p in s.Positions)
        {
            text.AppendLine(Invariant($"  {p.Symbol} {p.Side} {p.Quantity} @ {p.EntryPrice}  mark {p.MarkPrice}  uPnL {p.UnrealizedPnl:+0.00;-0.00;0.00}  SL {(object?)p.StopLoss ?? "-"}  TP {(object?)p.TakeProfit ?? "-"}  ({p.Strategy})"));
        }

        var c = s.Counters;
        text.AppendLine(Invariant($"Open orders: {s.OpenOrders}"));
        text.AppendLine(Invariant($"Counters: candles {c.Candles}, patterns {c.Patterns}, signals {c.Signals} ({c.RejectedSignals} rejected), orders {c.OrdersPlaced} placed / {c.OrdersFilled} filled / {c.OrdersCanceled} canceled / {c.OrdersRejected} rejected, trades {c.Trades}, plugin faults {c.PluginFaults}, errors {c.Errors}"));
        text.AppendLine($"Plugins ({s.Plugins.Count}):");
        foreach (var plugin in s.Plugins)
        {
            text.AppendLine($"  {plugin.Id,-24} {plugin.Kind,-9} {plugin.Version,-8} {plugin.State}{(plugin.LastError is null ? string.Empty : "  — " + plugin.LastError)}");
        }

        text.AppendLine(s.LastError is { } error
            ? $"Last error: {Time(error.Time)} {error.Source}: {error.Text}"
            : "Last error: none");
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Span(double seconds) => Ago(TimeSpan.FromSeconds(seconds));

    private static string Ago(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
            : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m {span.Seconds}s"
            : $"{span.Seconds}s";
    }
}
