using Ict.Engine.Events;

namespace Ict.Engine.Kernel;

/// <summary>Lets the order manager publish through the kernel, which is built after it.</summary>
internal sealed class DeferredPublisher : IEventPublisher
{
    public TradingKernel? Target { get; set; }

    public void Publish(EngineEvent engineEvent) =>
        (Target ?? throw new InvalidOperationException("the kernel is not wired yet")).Publish(engineEvent);
}
