using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>Something for the kernel to handle. Adapters write these into the kernel's channel.</summary>
public abstract record KernelInput;

/// <summary>A closed candle from a feed.</summary>
public sealed record CandleInput(Candle Candle) : KernelInput;

/// <summary>The feed has no more candles (a replay reached the end of its files).</summary>
public sealed record EndOfDataInput : KernelInput;
