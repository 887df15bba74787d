namespace Docket.Cli.Commands;

/// <summary>Input the user can fix: printed as its message lines, exit code 2, never a stack trace.</summary>
internal sealed class BadInputException(IReadOnlyList<string> messages) : Exception(string.Join(Environment.NewLine, messages))
{
    public BadInputException(string message)
        : this([message])
    {
    }

    public IReadOnlyList<string> Messages { get; } = messages;
}
