using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Docket.Cli.Commands;

/// <summary>
/// Parse errors in a person's words: a bad value says what was expected ("--days: 'abc' is not a whole number"),
/// never a CLR type name; a mistyped command or option gets "did you mean" with the closest name the command knows.
/// </summary>
internal static class ParseErrorMessages
{
    /// <param name="passedOn">Tokens left over that the command takes as they are (<c>docket serve</c>'s settings): not errors.</param>
    public static IReadOnlyList<string> Of(ParseResult parse, IReadOnlyList<string> args, IReadOnlySet<string>? passedOn = null)
    {
        var messages = new List<string>();
        IReadOnlyList<string> unmatched = passedOn is { Count: > 0 } ? [.. parse.UnmatchedTokens.Where(t => !passedOn.Contains(t))] : parse.UnmatchedTokens;
        var command = parse.CommandResult.Command;
        var unknownCommand = command.Subcommands.Count > 0 && unmatched.Count > 0 && !unmatched[0].StartsWith('-');
        if (unknownCommand)
        {
            // Everything after an unknown command belongs to it: only the command itself is worth a message.
            var names = command.Subcommands.Select(c => c.Name).ToList();
            var suggestion = $"{DidYouMean(unmatched[0], names)} Commands: {string.Join(", ", names)}.";
            messages.Add(parse.CommandResult.Parent is null
                ? $"docket: '{unmatched[0]}' is not a command.{suggestion}"
                : $"{Name(parse.CommandResult)}: '{unmatched[0]}' is not one of its commands.{suggestion}");
            return messages;
        }
        var prefix = Name(parse.CommandResult);
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-') && token.Length > 1 && !IsNumber(token))
            {
                messages.Add($"{prefix}: '{token}' is not an option of '{parse.CommandResult.Command.Name}'.{DidYouMean(token, OptionNames(parse.CommandResult))} See {Name(parse.CommandResult)} --help.");
                // The value typed after an unknown option is that option's, not a stray argument.
                if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-') && Follows(args, token, unmatched[i + 1]))
                {
                    i++;
                }
            }
            else
            {
                messages.Add($"{prefix}: unexpected argument '{token}'. See {Name(parse.CommandResult)} --help.");
            }
        }
        foreach (var error in parse.Errors)
        {
            if (unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)) && error.SymbolResult is null or CommandResult)
            {
                continue; // said above, with a suggestion
            }
            if (error.SymbolResult is CommandResult { Parent: null } && command.Subcommands.Count > 0 && parse.CommandResult.Parent is null)
            {
                if (unmatched.Count > 0)
                {
                    continue; // the unknown token said above is the thing to fix first
                }
                messages.Add($"docket: name a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))} (docket --help says what each does).");
                continue;
            }
            messages.Add(BadValue(error) ?? Missing(error, parse, prefix) ?? $"{prefix}: {error.Message}");
        }
        return messages;
    }

    /// <summary>
    /// A missing piece in words: an option given without its value ("--days needs a value: a whole number"), a
    /// command's argument left out, or a required option not given, each with what it is; null for other errors.
    /// </summary>
    private static string? Missing(ParseError error, ParseResult parse, string prefix)
    {
        var option = error.SymbolResult switch
        {
            ArgumentResult { Parent: OptionResult o } => o,
            OptionResult o => o,
            _ => null,
        };
        if (option is { Tokens.Count: 0 })
        {
            // Typed without its value, or a required option not typed at all.
            return option.IdentifierToken is null
                ? $"{prefix}: {option.Option.Name} is required: {Lower(option.Option.Description)}. See {prefix} --help."
                : $"{prefix}: {option.Option.Name} needs a value: {Expected(option.Option)}. See {prefix} --help.";
        }
        switch (error.SymbolResult)
        {
            case ArgumentResult { Parent: CommandResult } argument when argument.Tokens.Count == 0:
                return $"{prefix}: {argument.Argument.Name.ToUpperInvariant()} is missing: {Lower(argument.Argument.Description)}. "
                    + $"Usage: {prefix} {Usage(parse.CommandResult.Command)} [options].";
            case CommandResult command:
                var required = command.Command.Options.FirstOrDefault(o => o.Required && command.GetResult(o) is null
                    && error.Message.Contains($"'{o.Name}'", StringComparison.Ordinal));
                return required is null ? null : $"{prefix}: {required.Name} is required: {Lower(required.Description)}. See {prefix} --help.";
            default:
                return null;
        }
    }

    /// <summary>What the option's value is, in words: its kind of number, or what its help says.</summary>
    private static string Expected(Option option)
    {
        var t = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        return t == typeof(int) || t == typeof(long) ? "a whole number"
            : t == typeof(ulong) ? "a whole number from 0 up"
            : t == typeof(double) ? "a number"
            : Lower(option.Description);
    }

    private static string Usage(Command command) => string.Join(" ", command.Arguments.Select(a => $"<{a.Name}>"));

    /// <summary>A help text to follow a colon: its first letter lower-cased, unless it starts a word in capitals (METRIC).</summary>
    private static string Lower(string? description) =>
        string.IsNullOrEmpty(description) ? "see --help"
        : description.Length > 1 && char.IsUpper(description[1]) ? description
        : char.ToLowerInvariant(description[0]) + description[1..];

    /// <summary>"--days: 'abc' is not a whole number" for a value the option's type cannot hold; null for other errors.</summary>
    private static string? BadValue(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o,
            ArgumentResult { Parent: OptionResult o } => o,
            _ => null,
        };
        if (option is null || option.Tokens.Count == 0)
        {
            return null;
        }
        var type = Nullable.GetUnderlyingType(option.Option.ValueType) ?? option.Option.ValueType;
        var name = option.Option.Name;
        foreach (var token in option.Tokens.Select(t => t.Value))
        {
            var expected = type switch
            {
                _ when type == typeof(int) && !int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
                    long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? $"too large (at most {int.MaxValue:N0})" : "not a whole number",
                _ when type == typeof(long) && !long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => "not a whole number",
                _ when type == typeof(ulong) && !ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                    "not a whole number from 0 to 18446744073709551615",
                _ when type == typeof(double) && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "not a number",
                _ => null,
            };
            if (expected is not null)
            {
                return $"{name}: '{token}' is {expected}";
            }
        }
        return null;
    }

    /// <summary>" Did you mean 'x'?" for the nearest name within a few typing slips, or "".</summary>
    internal static string DidYouMean(string typed, IEnumerable<string> names)
    {
        var best = names
            .Select(n => (Name: n, Distance: n.StartsWith(typed, StringComparison.Ordinal) || typed.StartsWith(n, StringComparison.Ordinal) ? 1 : Distance(typed, n)))
            .Where(c => c.Distance <= Math.Max(2, c.Name.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? "" : $" Did you mean '{best.Name}'?";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                foreach (var option in c.Command.Options.Where(o => r == result || o.Recursive))
                {
                    yield return option.Name;
                    foreach (var alias in option.Aliases)
                    {
                        yield return alias;
                    }
                }
            }
        }
    }

    private static bool IsNumber(string token) => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool Follows(IReadOnlyList<string> args, string first, string second)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == first && args[i + 1] == second)
            {
                return true;
            }
        }
        return false;
    }

    private static string Name(CommandResult result) => result.Parent is null ? "docket" : $"docket {result.Command.Name}";
}
