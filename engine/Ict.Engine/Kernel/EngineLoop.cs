using System.Threading.Channels;

namespace Ict.Engine.Kernel;

/// <summary>
/// The single reader of the kernel's channel. A stop request is honoured between inputs: the input in hand is
/// always finished and committed first.
/// </summary>
internal sealed class EngineLoop(TradingKernel kernel, bool closePositionsAtEnd)
{
    /// <summary>Gives a strategy added by hot reload its logger.</summary>
    public Func<string, Abstractions.IPluginLogger> LoggerFor { get; init; } = id => throw new InvalidOperationException($"no logger for '{id}'");

    /// <summary>The wall clock event lag is measured with (the kernel's own clock is engine time).</summary>
    public TimeProvider Wall { get; init; } = TimeProvider.System;

    private readonly Channel<KernelInput> _channel = Channel.CreateBounded<KernelInput>(new BoundedChannelOptions(4096)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelWriter<KernelInput> Writer => _channel.Writer;

    /// <summary>Runs until the data ends or a stop is requested; returns why it stopped.</summary>
    public async Task<string> RunAsync(CancellationToken stopRequested)
    {
        try
        {
            await foreach (var input in _channel.Reader.ReadAllAsync(stopRequested).ConfigureAwait(false))
            {
                switch (input)
                {
                    case CandleInput candle:
                        kernel.OnCandle(candle.Candle);
                        kernel.ObserveEventLag(Wall.GetUtcNow() - (candle.ReplayedAt ?? candle.Candle.CloseTime));
                        break;
                    case StrategySwapInput swap:
                        kernel.Swap(swap, LoggerFor);
                        swap.Done.TrySetResult();
                        break;
                    case RiskSwapInput riskSwap:
                        try
                        {
                            kernel.SwapRisk(riskSwap);
                            riskSwap.Done.TrySetResult();
                        }
                        catch (InvalidOperationException ex)
                        {
                            riskSwap.Done.TrySetException(ex);
                        }

                        break;
                    case KillSwitchInput killSwitch:
                        kernel.OnKillSwitch(killSwitch);
                        break;
                    case SnapshotInput snapshot:
                        snapshot.Taken(kernel.TakeSnapshot());
                        break;
                    case PauseInput pause:
                        kernel.OnPause(pause);
                        break;
                    case ClosePositionInput close:
                        kernel.OnClosePosition(close);
                        break;
                    case LiveCandleInput live:
                        kernel.OnLiveCandle(live);
                        break;
                    case VenueInput venue:
                        kernel.OnVenue(venue);
                        break;
                    case ReconcileInput reconcile:
                        kernel.OnReconcile(reconcile);
                        break;
                    case EndOfDataInput:
                        kernel.OnEndOfData(closePositionsAtEnd);
                        return "end of data";
                }

                if (stopRequested.IsCancellationRequested)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stopRequested.IsCancellationRequested)
        {
        }

        return stopRequested.IsCancellationRequested ? "stop requested" : "feed closed";
    }
}
