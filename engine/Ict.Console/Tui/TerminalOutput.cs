using System.Text;
using Spectre.Console;

namespace Ict.Console.Tui;

/// <summary>
/// The real terminal, for Spectre, while <see cref="System.Console.Out"/> is pointed at the Log pane: the writer is the
/// terminal's own, and the size is read from the terminal each time (so a resize is seen).
/// </summary>
internal sealed class TerminalOutput(TextWriter terminal) : IAnsiConsoleOutput
{
    public TextWriter Writer => terminal;

    public bool IsTerminal => true;

    public int Width => Size.Width;

    public int Height => Size.Height;

    /// <summary>The terminal's size now (80×24 when it cannot be read).</summary>
    public static (int Width, int Height) Size
    {
        get
        {
            try
            {
                var width = System.Console.WindowWidth;
                var height = System.Console.WindowHeight;
                return (width > 0 ? width : 80, height > 0 ? height : 24);
            }
            catch (IOException)
            {
                return (80, 24);
            }
        }
    }

    public void SetEncoding(Encoding encoding)
    {
        // the terminal's encoding is the process's; nothing to change
    }
}
