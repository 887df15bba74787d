namespace Docket.Domain.Scenarios;

/// <summary>
/// One problem found in a scenario file, at a 1-based line and column. Prints as <c>source:line:column: message</c>,
/// the form editors and compilers use, so a terminal or an IDE can jump to it.
/// </summary>
public sealed record ScenarioError(string Source, int Line, int Column, string Message)
{
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}
