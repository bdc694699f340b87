namespace Ict.Console;

/// <summary>The process exit codes, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the replay ended or a stop was requested and honoured.</summary>
    public const int Ok = 0;

    /// <summary>The engine failed while running (an unexpected error; see the log).</summary>
    public const int Failure = 1;

    /// <summary>Bad configuration, bad input file or bad command line: nothing was traded.</summary>
    public const int BadInput = 2;
}
