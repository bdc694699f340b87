using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Status;

namespace Ict.Engine;

/// <summary>
/// The operator's side of a running engine: immutable snapshots for the terminal UI and the status views, and the
/// commands a trader gives (pause, resume, close a position). Commands go through the kernel's channel and are
/// applied between two inputs, like everything else.
/// </summary>
public sealed partial class EngineHost
{
    private PluginActivity _pluginActivity = null!;
    private EngineSnapshot? _latest;
    private DateTimeOffset _startedAt = TimeProvider.System.GetUtcNow();
    private Func<string> _venueState = () => "paper";
    private long _reconnects;

    /// <summary>The most recent snapshot; null until the first one is taken.</summary>
    public EngineSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>
    /// Raised with every new snapshot (every <c>$.status.refreshMilliseconds</c> while running, and once at the end),
    /// off the kernel thread. Handlers may do I/O but should not block for long.
    /// </summary>
    public event Action<EngineSnapshot>? SnapshotPublished;

    /// <summary>Says how the venue is doing, for the header (the paper venue is always "paper").</summary>
    internal Func<string> VenueState
    {
        get => _venueState;
        set => _venueState = value;
    }

    /// <summary>Times the venue's connection was re-established this run (shown in snapshots and metrics).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Counts one re-established venue connection; a venue adapter calls it from any thread.</summary>
    public void RecordReconnect() => Interlocked.Increment(ref _reconnects);

    /// <summary>Asks the kernel for a fresh snapshot between two inputs and publishes it.</summary>
    public async Task<EngineSnapshot> RequestSnapshotAsync(CancellationToken cancel)
    {
        var taken = new TaskCompletionSource<TradingSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _loop.Writer.WriteAsync(new SnapshotInput(taken.SetResult), cancel).ConfigureAwait(false);
        var trading = await taken.Task.WaitAsync(cancel).ConfigureAwait(false);
        return Publish(trading);
    }

    /// <summary>Pauses (or resumes) new entries; open positions keep their stop-loss and take-profit.</summary>
    public bool SetPaused(bool paused, string source) => _loop.Writer.TryWrite(new PauseInput(paused, source));

    /// <summary>Closes the position on <paramref name="symbol"/> at market; false when the symbol is not valid.</summary>
    public bool ClosePosition(string symbol, string source)
    {
        Symbol parsed;
        try
        {
            parsed = new Symbol(symbol.Trim().ToUpperInvariant());
        }
        catch (ArgumentException)
        {
            return false;
        }

        return _loop.Writer.TryWrite(new ClosePositionInput(parsed, source));
    }

    private EngineSnapshot Publish(TradingSnapshot trading)
    {
        var snapshot = new EngineSnapshot(
            TimeProvider.System.GetUtcNow(),
            _startedAt,
            _config.Options.Mode.ToString().ToLowerInvariant(),
            _venueState(),
            RunId,
            _store.Path,
            trading,
            _pluginActivity.Rows(Catalog))
        {
            Reconnects = Reconnects,
        };
        Volatile.Write(ref _latest, snapshot);
        try
        {
            SnapshotPublished?.Invoke(snapshot);
        }
        catch (Exception ex)
        {
            _log.Warning("A status view failed on a snapshot: {Reason}", ex.Message);
        }

        return snapshot;
    }

    /// <summary>Takes a snapshot every refresh period until <paramref name="stop"/>; a busy kernel simply answers later.</summary>
    private async Task PublishSnapshotsAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_config.Options.Status.RefreshMilliseconds), TimeProvider.System);
        try
        {
            do
            {
                await RequestSnapshotAsync(stop).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // the feed ended and the loop is done: the final snapshot is taken by RunAsync
        }
    }

    /// <summary>The last snapshot of a run, taken after the loop has stopped (so no other thread uses the kernel).</summary>
    private void PublishFinalSnapshot() => Publish(_kernel.TakeSnapshot());

    /// <summary>Shows a live session's stream state in the snapshots and counts its reconnects.</summary>
    private EngineHost WithVenueStatus(Live.LiveSession? live)
    {
        if (live is not null)
        {
            _venueState = () => live.State;
            live.Reconnected += RecordReconnect;
        }

        return this;
    }

    private static int? DailyTradeLimit(EngineOptions options) =>
        options.Risk?.Settings is { ValueKind: JsonValueKind.Object } settings
        && settings.TryGetProperty("maxDailyTrades", out var limit)
        && limit.ValueKind == JsonValueKind.Number
        && limit.TryGetInt32(out var value)
            ? value
            : null;
}
