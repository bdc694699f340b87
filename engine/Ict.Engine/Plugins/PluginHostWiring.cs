using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Kernel;

namespace Ict.Engine.Plugins;

/// <summary>What the plugin host needs from the running engine.</summary>
/// <param name="Kernel">Where swaps are sent; the kernel applies them between events.</param>
/// <param name="CreateStrategies">Creates and configures the instances for a strategy plugin (one per configured slot, or one with default settings).</param>
/// <param name="DefaultSymbols">The symbols a strategy that is not in the config trades.</param>
/// <param name="InUse">Whether a risk manager or notifier id is in use (the configured ones).</param>
internal sealed record PluginHostWiring(
    ChannelWriter<KernelInput> Kernel,
    Func<PluginDescriptor, IReadOnlyList<IStrategy>> CreateStrategies,
    IReadOnlySet<Symbol> DefaultSymbols,
    Func<string, bool> InUse)
{
    /// <summary>Creates and configures the risk manager from a new build (with <c>$.risk</c>'s settings).</summary>
    public Func<PluginDescriptor, IRiskManager>? CreateRisk { get; init; }

    /// <summary>
    /// Creates the configured notifiers (all of them, as <c>$.notifiers</c> now says), taking the plugins named in the
    /// given new build from it rather than from the catalog.
    /// </summary>
    public Func<IReadOnlyList<PluginDescriptor>, IReadOnlyList<Notifications.NotifierEntry>>? CreateNotifiers { get; init; }

    /// <summary>Swaps notifiers in the dispatcher; completes once the replaced ones have finished their queues.</summary>
    public Func<IReadOnlyList<Notifications.NotifierEntry>, Task>? ApplyNotifiers { get; init; }
}
