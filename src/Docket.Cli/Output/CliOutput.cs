using Spectre.Console;

namespace Docket.Cli.Output;

/// <summary>
/// Where a command prints and how wide its lines may be: the terminal's width on a terminal; otherwise (piped, a
/// file, a test) <c>COLUMNS</c> when set, else <see cref="PipedWidth"/>.
/// </summary>
internal sealed record CliOutput(TextWriter Writer, int Width, bool Terminal = false)
{
    /// <summary>Lines of piped output: wide enough for every table at its natural width, narrow enough for a pager.</summary>
    public const int PipedWidth = 120;

    public static CliOutput For(TextWriter writer) => new(writer, WidthOf(writer), IsTerminal(writer));

    /// <summary>A Spectre console writing to <see cref="Writer"/> at <see cref="Width"/> columns.</summary>
    public IAnsiConsole Console()
    {
        // Not a terminal: plain text, no colour or link escapes in a file or a pipe.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Writer),
            Ansi = Terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Width;
        return console;
    }

    private static bool IsTerminal(TextWriter writer) => writer == System.Console.Out && !System.Console.IsOutputRedirected;

    private static int WidthOf(TextWriter writer)
    {
        if (IsTerminal(writer))
        {
            try
            {
                if (System.Console.WindowWidth > 0)
                {
                    return System.Console.WindowWidth;
                }
            }
            catch (IOException)
            {
                // No window to ask: fall through to COLUMNS.
            }
        }
        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 20 ? columns : PipedWidth;
    }
}
