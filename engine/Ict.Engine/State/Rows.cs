using Ict.Abstractions;

namespace Ict.Engine.State;

// The property names are the SQL parameter names (@runId, @top, ...), as in the anonymous rows they replace.
#pragma warning disable IDE1006

/// <summary>A pattern's row (<c>patterns</c>), read from the snapshot when the writer binds it.</summary>
internal sealed class PatternRow : QueuedRow
{
    private static readonly RowPool<PatternRow> Pool = new();
    private Pattern _pattern = null!;

    public long runId { get; private set; }

    public string strategyId { get; private set; } = "";

    public string id => _pattern.Id;

    public string kind => StateStore.Name(_pattern.Kind);

    public string direction => StateStore.Name(_pattern.Direction);

    public string symbol => _pattern.Symbol.Value;

    public string interval => _pattern.Interval.Code;

    public decimal top => _pattern.Top;

    public decimal bottom => _pattern.Bottom;

    public long patternTime => StateStore.Ms(_pattern.PatternTime);

    public long detectedTime => StateStore.Ms(_pattern.DetectedTime);

    public int touches => _pattern.Touches;

    public decimal filled => _pattern.FilledPercent;

    public string state => StateStore.Name(_pattern.State);

    public long? endedTime => StateStore.Ms(_pattern.EndedTime);

    public string? endReason => _pattern.EndReason;

    public static PatternRow Rent(long runId, string strategyId, Pattern pattern)
    {
        var row = Pool.Rent();
        row.runId = runId;
        row.strategyId = strategyId;
        row._pattern = pattern;
        return row;
    }

    public override object ToParameters() => new
    {
        runId,
        strategyId,
        id,
        kind,
        direction,
        symbol,
        interval,
        top = StateStore.Text(top),
        bottom = StateStore.Text(bottom),
        patternTime,
        detectedTime,
        touches,
        filled = StateStore.Text(filled),
        state,
        endedTime,
        endReason,
    };

    public override void Release()
    {
        _pattern = null!;
        strategyId = "";
        Pool.Return(this);
    }
}

/// <summary>A UTC day's row (<c>daily_stats</c>), the figures copied in.</summary>
internal sealed class DailyStatsRow : QueuedRow
{
    private static readonly RowPool<DailyStatsRow> Pool = new();

    public long runId { get; private set; }

    public DateOnly day { get; private set; }

    public decimal start { get; private set; }

    public decimal pnl { get; private set; }

    public int opened { get; private set; }

    public int closed { get; private set; }

    public int losses { get; private set; }

    public static DailyStatsRow Rent(long runId, DateOnly day, decimal startEquity, decimal realizedPnl, int tradesOpened, int tradesClosed, int consecutiveLosses)
    {
        var row = Pool.Rent();
        row.runId = runId;
        row.day = day;
        row.start = startEquity;
        row.pnl = realizedPnl;
        row.opened = tradesOpened;
        row.closed = tradesClosed;
        row.losses = consecutiveLosses;
        return row;
    }

    public override object ToParameters() => new
    {
        runId,
        day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        start = StateStore.Text(start),
        pnl = StateStore.Text(pnl),
        opened,
        closed,
        losses,
    };

    public override void Release() => Pool.Return(this);
}

/// <summary>The run's account figures (<c>runs</c>).</summary>
internal sealed class RunAccountRow : QueuedRow
{
    private static readonly RowPool<RunAccountRow> Pool = new();

    public long runId { get; private set; }

    public decimal balance { get; private set; }

    public decimal peak { get; private set; }

    public long? first { get; private set; }

    public long last { get; private set; }

    public static RunAccountRow Rent(long runId, decimal balance, decimal peakEquity, DateTimeOffset? firstCandle, DateTimeOffset lastCandle)
    {
        var row = Pool.Rent();
        row.runId = runId;
        row.balance = balance;
        row.peak = peakEquity;
        row.first = StateStore.Ms(firstCandle);
        row.last = StateStore.Ms(lastCandle);
        return row;
    }

    public override object ToParameters() => new
    {
        runId,
        balance = StateStore.Text(balance),
        peak = StateStore.Text(peak),
        first,
        last,
    };

    public override void Release() => Pool.Return(this);
}

/// <summary>
/// A signal's row (<c>signals</c>). In deferred mode the store keeps it until it is handed to the writer, so the risk
/// decision that follows within the same event fills its columns instead of queuing an UPDATE behind it.
/// </summary>
internal sealed class SignalRow
{
    public long runId { get; init; }

    public string signalId { get; init; } = "";

    public string strategyId { get; init; } = "";

    public string symbol { get; init; } = "";

    public string side { get; init; } = "";

    public string entry { get; init; } = "";

    public string stop { get; init; } = "";

    public string target { get; init; } = "";

    public double confidence { get; init; }

    public string reason { get; init; } = "";

    public string patterns { get; init; } = "";

    public long time { get; init; }

    public string? decision { get; set; }

    public string? rejectionReason { get; set; }

    public string? detail { get; set; }

    public string? quantity { get; set; }

    public int? leverage { get; set; }
}

/// <summary>
/// An order's row (<c>orders</c>). In deferred mode the store keeps it until it is handed to the writer, so status
/// changes in the meantime (a paper entry filled, a stop canceled) update it instead of queuing UPDATEs behind it.
/// </summary>
internal sealed class OrderRow
{
    public long runId { get; init; }

    public string clientOrderId { get; init; } = "";

    public string signalId { get; init; } = "";

    public string role { get; init; } = "";

    public string symbol { get; init; } = "";

    public string side { get; init; } = "";

    public string type { get; init; } = "";

    public string quantity { get; init; } = "";

    public string? trigger { get; init; }

    public int reduceOnly { get; init; }

    public string status { get; set; } = "";

    public string? statusReason { get; set; }

    public long created { get; init; }

    public long updated { get; set; }

    public string? intentWall { get; init; }
}
