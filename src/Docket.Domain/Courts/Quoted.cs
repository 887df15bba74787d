namespace Docket.Domain.Courts;

/// <summary>
/// A value a refusal quotes back to whoever sent it: in single quotes, and cut after <see cref="MaxLength"/>
/// characters (with how long it was), so that a refusal of a long value does not send the value back whole.
/// </summary>
public static class Quoted
{
    public const int MaxLength = 100;

    public static string Value(string? value) =>
        value is null ? "null"
        : value.Length <= MaxLength ? $"'{value}'"
        : $"'{value[..MaxLength]}…' ({value.Length:N0} characters)";
}
