using Ict.Console.Tui;

namespace Ict.Console.Tests.Tui;

public sealed class CommandHistoryTests
{
    [Fact]
    public void Add_SkipsEmptyLinesAndImmediateRepeats_AndKeepsTheNewest()
    {
        var history = new CommandHistory(capacity: 3);

        foreach (var line in new[] { "a", "", "a", "b", "  ", "c", "d" })
        {
            history.Add(line);
        }

        Assert.Equal(["b", "c", "d"], history.Lines);
    }

    [Fact]
    public void Newer_WithoutAWalk_GivesNothing_AndOlderOnEmptyHistoryGivesNothing()
    {
        var history = new CommandHistory();

        Assert.Null(history.Older("draft"));
        Assert.Null(history.Newer());
    }

    [Fact]
    public void Reset_EndsTheWalk_SoUpStartsFromTheNewestAgain()
    {
        var history = new CommandHistory();
        history.Add("one");
        history.Add("two");

        Assert.Equal("two", history.Older(string.Empty));
        Assert.Equal("one", history.Older("two"));
        history.Reset();

        Assert.Equal("two", history.Older(string.Empty));
    }
}
