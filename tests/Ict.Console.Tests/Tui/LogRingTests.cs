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
    public void ScrolledBack_TheViewStaysOnItsLinesWhileNewOnesArrive_AndPagingForwardPastTheNewestFollowsAgain()
    {
        var ring = new LogRing(Logging.ConsoleFormatter(SecretRedactor.None), SecretRedactor.None);
        for (var i = 1; i <= 20; i++)
        {
            ring.Append($"line {i}");
        }

        var anchor = ring.Back(null, 5); // five lines above the newest: line 15 at the bottom
        Assert.Equal(["line 13", "line 14", "line 15"], ring.Tail(3, upTo: anchor));

        ring.Append("line 21");
        Assert.Equal(["line 13", "line 14", "line 15"], ring.Tail(3, upTo: anchor)); // new lines do not move it

        var forward = ring.Forward(anchor!.Value, 3);
        Assert.Equal(["line 16", "line 17", "line 18"], ring.Tail(3, upTo: forward));
        Assert.Equal(["line 17", "line 18", "line 19"], ring.Tail(3, upTo: ring.Forward(forward!.Value, 1)));
        Assert.Null(ring.Forward(forward.Value, 3)); // reaches line 21, the newest: follow again
        Assert.Null(ring.Forward(forward.Value, 9)); // and past it
    }

    [Fact]
    public void ScrollingBack_StopsAtTheOldestFullPage_AndCountsOnlyLinesThatPassTheFilter()
    {
        var ring = new LogRing(Logging.ConsoleFormatter(SecretRedactor.None), SecretRedactor.None);
        for (var i = 1; i <= 10; i++)
        {
            ring.Append(i % 2 == 0 ? $"even {i}" : $"odd {i}");
        }

        var oldest = ring.OldestPageEnd(3);
        Assert.Equal(["odd 1", "even 2", "odd 3"], ring.Tail(3, upTo: oldest));
        Assert.Null(ring.OldestPageEnd(10)); // all of it fits in one page: nothing to scroll

        var evens = ring.Back(null, 2, "even"); // two even lines above "even 10"
        Assert.Equal(["even 4", "even 6"], ring.Tail(2, "even", evens));
        Assert.Equal(["even 2", "even 4"], ring.Tail(2, "even", ring.OldestPageEnd(2, "even")));
    }

    [Fact]
    public void MultiLineText_BecomesOneLinePerRow()
    {
        var ring = new LogRing(Logging.ConsoleFormatter(SecretRedactor.None), SecretRedactor.None);

        ring.Append("script.csx(3,5): error CS1002\r\nscript.csx(9,1): error CS1513\n");

        Assert.Equal(["script.csx(3,5): error CS1002", "script.csx(9,1): error CS1513"], ring.Tail(5));
    }
}
