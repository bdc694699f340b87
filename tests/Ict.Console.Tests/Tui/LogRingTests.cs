using Ict.Console.Tui;
using Ict.Engine.Secrets;
using Serilog;

namespace Ict.Console.Tests.Tui;

public sealed class LogRingTests
{
    private const string Secret = "hunter2-webhook-token";

    [Fact]
    public void LogLines_AreFormattedLikeTheConsole_AndRedacted()
    {
        var redactor = new SecretRedactor([Secret]);
        var ring = new LogRing(Logging.ConsoleFormatter(redactor), redactor);
        using (var log = new LoggerConfiguration().WriteTo.Sink(ring).CreateLogger())
        {
            log.Warning("Posting to {Url} failed", $"https://example.invalid/{Secret}");
        }

        ring.Append($"[notify] token {Secret} printed by a plugin");

        var lines = ring.Tail(10);
        Assert.Equal(2, lines.Count);
        Assert.Matches(@"^\d\d:\d\d:\d\d WRN Posting to https://example.invalid/\S+ failed$", lines[0]);
        Assert.All(lines, l => Assert.DoesNotContain(Secret, l, StringComparison.Ordinal));
    }

    [Fact]
    public void Tail_GivesTheNewestMatchingLines_OldestFirst_AndTheRingForgetsTheOldest()
    {
        var ring = new LogRing(Logging.ConsoleFormatter(SecretRedactor.None), SecretRedactor.None, capacity: 5);
        for (var i = 1; i <= 8; i++)
        {
            ring.Append(i % 2 == 0 ? $"even {i}" : $"odd {i}");
        }

        Assert.Equal(["even 4", "odd 5", "even 6", "odd 7", "even 8"], ring.Tail(10));
        Assert.Equal(["even 6", "even 8"], ring.Tail(2, "EVEN"));
        Assert.Empty(ring.Tail(0));
    }

    [Fact]
    public void MultiLineText_BecomesOneLinePerRow()
    {
        var ring = new LogRing(Logging.ConsoleFormatter(SecretRedactor.None), SecretRedactor.None);

        ring.Append("script.csx(3,5): error CS1002\r\nscript.csx(9,1): error CS1513\n");

        Assert.Equal(["script.csx(3,5): error CS1002", "script.csx(9,1): error CS1513"], ring.Tail(5));
    }
}
