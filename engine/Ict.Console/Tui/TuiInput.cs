namespace Ict.Console.Tui;

/// <summary>Where keys go.</summary>
internal enum InputMode
{
    /// <summary>Single keys are commands.</summary>
    Keys,

    /// <summary>Typing a command after <c>:</c>.</summary>
    Command,

    /// <summary>Typing a log filter after <c>/</c>.</summary>
    Filter,

    /// <summary>The kill switch waits for y or n.</summary>
    ConfirmKill,

    /// <summary>The help overlay is up.</summary>
    Help,
}

/// <summary>
/// Turns keys into <see cref="TuiCommand"/>s: the single-key commands, the <c>:</c> command line and the <c>/</c>
/// filter prompt (each with its own ↑/↓ history), the help overlay and the kill switch's y/n question. Pure: it
/// knows nothing of the engine or the console, so every path is a plain unit test.
/// </summary>
internal sealed class TuiInput
{
    public const string KillQuestion = "Engage the kill switch and flatten ALL positions? y/n";

    public InputMode Mode { get; private set; } = InputMode.Keys;

    /// <summary>What is typed at the current prompt.</summary>
    public string Text { get; private set; } = string.Empty;

    public CommandHistory Commands { get; } = new();

    public CommandHistory Filters { get; } = new();

    /// <summary>Handles one key; returns the command it completes, if any.</summary>
    /// <param name="currentFilter">The filter in force, offered for editing when <c>/</c> opens the prompt.</param>
    /// <param name="onlyPosition">The symbol of the one open position, if exactly one: <c>c</c> offers to close it.</param>
    public TuiCommand? OnKey(ConsoleKeyInfo key, string? currentFilter = null, string? onlyPosition = null) => Mode switch
    {
        InputMode.Command or InputMode.Filter => OnPromptKey(key),
        InputMode.ConfirmKill => OnConfirmKey(key),
        InputMode.Help => OnHelpKey(key),
        _ => OnSingleKey(key, currentFilter, onlyPosition),
    };

    /// <summary>Applies what a command means for the input itself: help opens the overlay, a kill asks first.</summary>
    public TuiCommand? Route(TuiCommand command)
    {
        switch (command)
        {
            case TuiCommand.Help:
                Mode = InputMode.Help;
                return null;
            case TuiCommand.RequestKill:
                Mode = InputMode.ConfirmKill;
                return null;
            default:
                return command;
        }
    }

    private TuiCommand? OnSingleKey(ConsoleKeyInfo key, string? currentFilter, string? onlyPosition)
    {
        switch (key.KeyChar)
        {
            case '?':
                return Route(new TuiCommand.Help());
            case ':':
                Open(InputMode.Command, string.Empty);
                return null;
            case '/':
                Open(InputMode.Filter, currentFilter ?? string.Empty);
                return null;
            case 'c':
                Open(InputMode.Command, "close " + onlyPosition);
                return null;
            case 'p':
                return new TuiCommand.SetPause(null);
            case 'k':
                return Route(new TuiCommand.RequestKill());
            case 'r':
                return new TuiCommand.Reload();
            case 'n':
                return new TuiCommand.NotifyTest();
            case 'q':
                return new TuiCommand.Quit();
        }

        return key.Key switch
        {
            ConsoleKey.PageUp => new TuiCommand.ScrollLog(1),
            ConsoleKey.PageDown => new TuiCommand.ScrollLog(-1),
            ConsoleKey.End => TuiCommand.ScrollLog.Follow,
            ConsoleKey.Escape when currentFilter is not null => new TuiCommand.Filter(null),
            _ => null,
        };
    }

    private TuiCommand? OnPromptKey(ConsoleKeyInfo key)
    {
        var history = Mode == InputMode.Command ? Commands : Filters;
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                var line = Text;
                var filter = Mode == InputMode.Filter;
                history.Add(line);
                Close();
                if (filter)
                {
                    return new TuiCommand.Filter(string.IsNullOrWhiteSpace(line) ? null : line.Trim());
                }

                var command = TuiCommandParser.Parse(line);
                return Route(command);
            case ConsoleKey.Escape:
                history.Reset();
                Close();
                return null;
            case ConsoleKey.Backspace:
                if (Text.Length == 0)
                {
                    history.Reset();
                    Close();
                }
                else
                {
                    Text = Text[..^1];
                }

                return null;
            case ConsoleKey.UpArrow:
                Text = history.Older(Text) ?? Text;
                return null;
            case ConsoleKey.DownArrow:
                Text = history.Newer() ?? Text;
                return null;
        }

        if (!char.IsControl(key.KeyChar))
        {
            Text += key.KeyChar;
        }

        return null;
    }

    private TuiCommand? OnConfirmKey(ConsoleKeyInfo key)
    {
        switch (char.ToLowerInvariant(key.KeyChar))
        {
            case 'y':
                Mode = InputMode.Keys;
                return new TuiCommand.EngageKill();
            case 'n':
                Mode = InputMode.Keys;
                return new TuiCommand.Say("kill switch not engaged");
        }

        if (key.Key == ConsoleKey.Escape)
        {
            Mode = InputMode.Keys;
            return new TuiCommand.Say("kill switch not engaged");
        }

        return null; // only y, n or Esc answer the question
    }

    private TuiCommand.Quit? OnHelpKey(ConsoleKeyInfo key)
    {
        if (key.Key == ConsoleKey.Escape || key.KeyChar == '?')
        {
            Mode = InputMode.Keys;
        }
        else if (key.KeyChar == 'q')
        {
            Mode = InputMode.Keys;
            return new TuiCommand.Quit();
        }

        return null;
    }

    private void Open(InputMode mode, string text)
    {
        Mode = mode;
        Text = text;
    }

    private void Close()
    {
        Mode = InputMode.Keys;
        Text = string.Empty;
    }
}
