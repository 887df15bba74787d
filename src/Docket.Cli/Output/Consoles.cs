using Spectre.Console;

namespace Docket.Cli.Output;

/// <summary>A Spectre console writing to the command's output.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (output != Console.Out || Console.IsOutputRedirected)
        {
            // Not a terminal: no width to fit, and a table wrapped at 80 columns is hard to read or grep.
            console.Profile.Width = 200;
        }
        return console;
    }
}
