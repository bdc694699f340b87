using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Kernel;

namespace Ict.Engine.Plugins;

/// <summary>What the plugin host needs from the running engine.</summary>
/// <param name="Kernel">Where swaps are sent; the kernel applies them between events.</param>
/// <param name="CreateStrategies">Creates and configures the instances for a strategy plugin (one per configured slot, or one with default settings).</param>
/// <param name="DefaultSymbols">The symbols a strategy that is not in the config trades.</param>
/// <param name="InUse">Whether a risk manager or notifier id is in use (those are not hot-swapped).</param>
internal sealed record PluginHostWiring(
    ChannelWriter<KernelInput> Kernel,
    Func<PluginDescriptor, IReadOnlyList<IStrategy>> CreateStrategies,
    IReadOnlySet<Symbol> DefaultSymbols,
    Func<string, bool> InUse);
