using System.CommandLine;
using System.CommandLine.Help;
using Docket.Cli.Commands;
using Docket.Cli.Hosting;
using Docket.Cli.Output;

namespace Docket.Cli;

/// <summary>`docket`: simulate, validate, compare, serve, staffing, optimize, replay, ledger, audit, silo, scenario. Exit 0 success, 2 bad input (message, no stack trace), 1 failure.</summary>
public static class DocketCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, CliOutput.For(output), error);

    /// <summary>Runs with tables fitted to <paramref name="output"/>'s width (tests pass a fixed one).</summary>
    internal static async Task<int> RunAsync(string[] args, CliOutput output, TextWriter error)
    {
        var root = new RootCommand("Docket: simulate a court's year, assign cases, measure how fast")
        {
            SimulateCommand.Create(output),
            ValidateCommand.Create(output.Writer),
            CompareCommand.Create(output),
            ServeCommand.Create(output.Writer),
            StaffingCommand.Create(output),
            OptimizeCommand.Create(output),
            ReplayCommand.Create(output),
            LedgerCommand.Create(output.Writer),
            AuditCommand.Create(output.Writer),
            SiloCommand.Create(output.Writer),
            ScenarioCommand.Create(output.Writer),
        };
        // Help wraps at the output's width, as the tables do (80 columns, a pipe's COLUMNS, else 120).
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                action.MaxWidth = output.Width;
            }
        }
        var parse = root.Parse(args);
        // docket serve passes the server's configuration settings on (--Section:Key=value); nothing else is left over.
        var passedOn = parse.CommandResult.Command.Name == ServeCommand.Name ? parse.UnmatchedTokens.Where(ServeCommand.IsSetting).ToHashSet(StringComparer.Ordinal) : [];
        if (parse.Errors.Count > 0 || parse.UnmatchedTokens.Any(t => !passedOn.Contains(t)))
        {
            // In words, with "did you mean" for unknown tokens (System.CommandLine's own message for them is dropped).
            foreach (var message in ParseErrorMessages.Of(parse, args, passedOn))
            {
                await error.WriteLineAsync(message);
            }
            return ExitCodes.BadInput;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output.Writer, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (BadInputException e)
        {
            foreach (var line in e.Messages)
            {
                await error.WriteLineAsync(line);
            }
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Unwrap(e) is ClusterUnavailableException lost)
        {
            await error.WriteLineAsync($"docket: {lost.Message}");
            return ExitCodes.ClusterUnavailable;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("docket: cancelled");
            return ExitCodes.InternalFailure;
        }
        catch (Exception e) when (Unwrap(e) is BadInputException bad)
        {
            foreach (var line in bad.Messages)
            {
                await error.WriteLineAsync(line);
            }
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"docket: internal failure: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalFailure;
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
