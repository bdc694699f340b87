namespace Ict.Engine.Kernel;

/// <summary>
/// Runs one strategy call within a time budget. Over budget, the kernel stops waiting and marks the strategy
/// faulted: a .NET thread cannot be killed, so the runaway call is abandoned on its pool thread (and will keep its
/// plugin from unloading, which the unload check then reports). With no budget the call runs inline.
/// </summary>
internal sealed class StrategyCallGuard(TimeSpan budget, TimeProvider time)
{
    public static StrategyCallGuard Inline { get; } = new(TimeSpan.Zero, TimeProvider.System);

    public TimeSpan Budget { get; } = budget;

    /// <summary>Null when the call returned in time; otherwise why the strategy is faulted.</summary>
    public string? Invoke(Action call)
    {
        try
        {
            if (Budget <= TimeSpan.Zero)
            {
                call();
                return null;
            }

            var task = Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
            task.WaitAsync(Budget, time).GetAwaiter().GetResult();
            return null;
        }
        catch (TimeoutException)
        {
            return $"overran its time budget of {Budget.TotalMilliseconds:0} ms for one call; the call was abandoned";
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
