using Ict.Console.Tui;

namespace Ict.Console.Tests.Tui;

public sealed class TuiCommandParserTests
{
    private static readonly (string Line, TuiCommand Expected)[] Commands =
    [
        ("pause", new TuiCommand.SetPause(true)),
        ("  Resume ", new TuiCommand.SetPause(false)),
        ("kill", new TuiCommand.RequestKill()),
        ("kill off", new TuiCommand.ReleaseKill()),
        ("reload", new TuiCommand.Reload()),
        ("close ethusdt", new TuiCommand.Close("ETHUSDT")),
        ("notify", new TuiCommand.NotifyTest()),
        ("notify test", new TuiCommand.NotifyTest()),
        ("filter Order rejected", new TuiCommand.Filter("Order rejected")),
        ("filter", new TuiCommand.Filter(null)),
        ("help", new TuiCommand.Help()),
        ("q", new TuiCommand.Quit()),
        ("quit", new TuiCommand.Quit()),
    ];

    [Fact]
    public void Parse_KnowsEveryCommand()
    {
        foreach (var (line, expected) in Commands)
        {
            Assert.Equal((line, expected), (line, TuiCommandParser.Parse(line)));
        }
    }

    [Theory]
    [InlineData("close", "usage: close SYMBOL")]
    [InlineData("close BTC USDT", "unknown command 'close BTC USDT'")]
    [InlineData("flatten", "unknown command 'flatten'")]
    [InlineData("pause now", "unknown command 'pause now'")]
    public void Parse_SaysWhatIsWrong(string line, string message)
    {
        var said = Assert.IsType<TuiCommand.Say>(TuiCommandParser.Parse(line));

        Assert.True(said.IsError);
        Assert.StartsWith(message, said.Message, StringComparison.Ordinal);
    }
}
