namespace Ict.Abstractions;

/// <summary>
/// Sizes entry signals, or refuses them with a typed reason. Called on the kernel thread for every signal a
/// strategy raises; the engine then checks the size against the exchange's rules and the free margin before it
/// places anything.
/// </summary>
public interface IRiskManager
{
    /// <summary>Decides on one signal.</summary>
    /// <param name="signal">The entry signal.</param>
    /// <param name="context">The account, today's figures and the symbol's rules.</param>
    /// <returns>An approval with quantity and leverage, or a rejection with its reason.</returns>
    RiskDecision Evaluate(EntrySignal signal, IRiskContext context);
}
