using System.Text.RegularExpressions;
using Docket.Domain.Courts;
using Microsoft.AspNetCore.Diagnostics;

namespace Docket.Server.Api;

/// <summary>
/// A query or route value that is not of its parameter's type (<c>?since=yesterday</c>, <c>?limit=abc</c>, an absence's
/// entry number that is not a number): the framework's binding throws (<c>RouteHandlerOptions.ThrowOnBadRequest</c>) and
/// this answers 400 with the value's name in <c>errors</c>, as the API's own checks do, instead of a bare 400.
/// </summary>
internal sealed partial class BadBindingHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || bad.StatusCode != StatusCodes.Status400BadRequest || context.Response.HasStarted)
        {
            return false;
        }
        var parameter = ParameterName().Match(bad.Message);
        var name = parameter.Success ? parameter.Groups["name"].Value : null;
        var value = parameter.Groups["value"];
        var detail = name is null ? bad.Message
            : bad.Message.Contains("was not provided", StringComparison.Ordinal) ? $"'{name}' is required"
            : $"'{name}' is {Expected(parameter.Groups["type"].Value)}"
                + (value.Success ? $", not {Quoted.Value(value.Value)}" : "");
        await Problems.BadRequest(detail, name).ExecuteAsync(context);
        return true;
    }

    private static string Expected(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>', '?') switch
    {
        "DateTimeOffset" or "DateTime" => "a date and time, such as 2026-01-01T00:00:00Z",
        "Int32" or "Int64" or "int" or "long" => "a whole number",
        "Double" or "double" => "a number",
        "Boolean" or "bool" => "true or false",
        var other => $"of type {other}",
    };

    // The framework's message: Failed to bind parameter "Nullable<DateTimeOffset> since" from "yesterday".
    [GeneratedRegex(@"parameter ""(?<type>[^""]*?)\s(?<name>\w+)""( from ""(?<value>[^""]*)"")?", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
