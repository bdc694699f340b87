using Ict.Console.Tui;

namespace Ict.Console.Tests.Tui;

public sealed class TuiInputTests
{
    private readonly TuiInput _input = new();

    [Theory]
    [InlineData('p', typeof(TuiCommand.SetPause))]
    [InlineData('r', typeof(TuiCommand.Reload))]
    [InlineData('n', typeof(TuiCommand.NotifyTest))]
    [InlineData('q', typeof(TuiCommand.Quit))]
    public void SingleKeys_AreCommands(char key, Type expected)
    {
        var command = _input.OnKey(Char(key));

        Assert.IsType(expected, command);
        Assert.Equal(InputMode.Keys, _input.Mode);
    }

    [Fact]
    public void PageKeys_ScrollTheLog_AndEndFollowsIt()
    {
        Assert.Equal(new TuiCommand.ScrollLog(1), _input.OnKey(Special(ConsoleKey.PageUp)));
        Assert.Equal(new TuiCommand.ScrollLog(-1), _input.OnKey(Special(ConsoleKey.PageDown)));
        Assert.Equal(TuiCommand.ScrollLog.Follow, _input.OnKey(Special(ConsoleKey.End)));
        Assert.Equal(InputMode.Keys, _input.Mode);
    }

    [Fact]
    public void QuestionMark_OpensHelp_AndEscClosesIt()
    {
        Assert.Null(_input.OnKey(Char('?')));
        Assert.Equal(InputMode.Help, _input.Mode);

        Assert.Null(_input.OnKey(Char('p'))); // keys do nothing under the overlay
        Assert.Equal(InputMode.Help, _input.Mode);

        Assert.Null(_input.OnKey(Special(ConsoleKey.Escape)));
        Assert.Equal(InputMode.Keys, _input.Mode);
    }

    [Fact]
    public void KillSwitch_AsksFirst_AndOnlyYEngagesIt()
    {
        Assert.Null(_input.OnKey(Char('k')));
        Assert.Equal(InputMode.ConfirmKill, _input.Mode);
        Assert.Null(_input.OnKey(Char('x'))); // not an answer: still asking
        Assert.Equal(InputMode.ConfirmKill, _input.Mode);

        Assert.IsType<TuiCommand.EngageKill>(_input.OnKey(Char('y')));
        Assert.Equal(InputMode.Keys, _input.Mode);

        _input.OnKey(Char('k'));
        var declined = Assert.IsType<TuiCommand.Say>(_input.OnKey(Char('n')));
        Assert.Contains("not engaged", declined.Message, StringComparison.Ordinal);
        Assert.Equal(InputMode.Keys, _input.Mode);
    }

    [Fact]
    public void KillFromTheCommandLine_AlsoAsksFirst()
    {
        Assert.Null(Type(":kill\r"));

        Assert.Equal(InputMode.ConfirmKill, _input.Mode);
        Assert.IsType<TuiCommand.Say>(_input.OnKey(Special(ConsoleKey.Escape)));
    }

    [Fact]
    public void CommandLine_RunsWhatWasTyped()
    {
        var command = Type(":close btcusdt\r");

        Assert.Equal(new TuiCommand.Close("BTCUSDT"), command);
        Assert.Equal(InputMode.Keys, _input.Mode);
        Assert.Equal(string.Empty, _input.Text);
    }

    [Fact]
    public void CloseKey_OpensTheCommandLine_WithCloseTyped()
    {
        _input.OnKey(Char('c'));

        Assert.Equal(InputMode.Command, _input.Mode);
        Assert.Equal("close ", _input.Text);
        Assert.Equal(new TuiCommand.Close("ETHUSDT"), Type("ETHUSDT\r"));
    }

    [Fact]
    public void CloseKey_WithOneOpenPosition_OffersToCloseIt()
    {
        _input.OnKey(Char('c'), onlyPosition: "BTCUSDT");

        Assert.Equal("close BTCUSDT", _input.Text);
        Assert.Equal(new TuiCommand.Close("BTCUSDT"), _input.OnKey(Special(ConsoleKey.Enter)));
    }

    [Fact]
    public void CommandLine_UpAndDown_WalkTheHistory_BackToTheDraft()
    {
        Type(":pause\r");
        Type(":close BTCUSDT\r");
        Type(":re");

        _input.OnKey(Special(ConsoleKey.UpArrow));
        Assert.Equal("close BTCUSDT", _input.Text);
        _input.OnKey(Special(ConsoleKey.UpArrow));
        Assert.Equal("pause", _input.Text);
        _input.OnKey(Special(ConsoleKey.UpArrow)); // nothing older: stays
        Assert.Equal("pause", _input.Text);
        _input.OnKey(Special(ConsoleKey.DownArrow));
        Assert.Equal("close BTCUSDT", _input.Text);
        _input.OnKey(Special(ConsoleKey.DownArrow));
        Assert.Equal("re", _input.Text);

        Assert.Equal(new TuiCommand.SetPause(false), Type("sume\r"));
        Assert.Equal(["pause", "close BTCUSDT", "resume"], _input.Commands.Lines);
    }

    [Fact]
    public void CommandLine_EscCancels_AndBackspaceOnEmptyLeaves()
    {
        Type(":pau");
        Assert.Null(_input.OnKey(Special(ConsoleKey.Escape)));
        Assert.Equal(InputMode.Keys, _input.Mode);
        Assert.Empty(_input.Commands.Lines);

        Type(":a");
        _input.OnKey(Special(ConsoleKey.Backspace));
        Assert.Equal(InputMode.Command, _input.Mode);
        _input.OnKey(Special(ConsoleKey.Backspace));
        Assert.Equal(InputMode.Keys, _input.Mode);
    }

    [Fact]
    public void Slash_EditsTheLogFilter_AndAnEmptyFilterClearsIt()
    {
        Assert.Equal(new TuiCommand.Filter("Kill switch"), Type("/Kill switch\r"));

        _input.OnKey(Char('/'), currentFilter: "Kill switch");
        Assert.Equal("Kill switch", _input.Text); // the filter in force is offered for editing
        for (var i = 0; i < "Kill switch".Length; i++)
        {
            _input.OnKey(Special(ConsoleKey.Backspace));
        }

        Assert.Equal(new TuiCommand.Filter(null), _input.OnKey(Special(ConsoleKey.Enter)));
    }

    [Fact]
    public void Esc_OnTheFrame_ClearsAFilterInForce()
    {
        Assert.Equal(new TuiCommand.Filter(null), _input.OnKey(Special(ConsoleKey.Escape), currentFilter: "error"));
        Assert.Null(_input.OnKey(Special(ConsoleKey.Escape), currentFilter: null));
    }

    private TuiCommand? Type(string keys)
    {
        TuiCommand? last = null;
        foreach (var c in keys)
        {
            last = _input.OnKey(c == '\r' ? Special(ConsoleKey.Enter) : Char(c));
        }

        return last;
    }

    private static ConsoleKeyInfo Char(char c) => new(c, ConsoleKey.NoName, false, false, false);

    private static ConsoleKeyInfo Special(ConsoleKey key) => new(key == ConsoleKey.Enter ? '\r' : key == ConsoleKey.Escape ? '\u001b' : key == ConsoleKey.Backspace ? '\b' : '\0', key, false, false, false);
}
