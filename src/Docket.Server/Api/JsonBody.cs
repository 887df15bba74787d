using System.Buffers;
using System.Text.Json;
using Docket.Domain.Courts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Docket.Server.Api;

/// <summary>
/// Reads a JSON body with the API's options, refusing bodies over the configured size (413) and answering
/// malformed JSON with a 400 that names where it broke (the JSON path, line and byte).
/// </summary>
public static class JsonBody
{
    public static Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class => ReadAsync<T>(context, optional: false, cancellationToken);

    /// <summary>A body that may be left out: none at all, or an empty one whatever its declared type, reads as null.</summary>
    public static Task<(T? Value, IResult? Problem)> ReadOptionalAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class => ReadAsync<T>(context, optional: true, cancellationToken);

    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        if (optional && (context.Request.ContentLength is 0 || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false))
        {
            return (null, null);
        }
        var limit = context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.Limits.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }
        if (context.Request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !type.Contains("+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send application/json, not {Quoted.Value(type)}"));
        }
        // Parsed only when a charset is declared: most filings send none, and this runs for each.
        if (context.Request.ContentType is { } declared && declared.Contains("charset", StringComparison.OrdinalIgnoreCase)
            && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(declared, out var media)
            && media.Charset.HasValue && media.Charset.Value!.Trim('"') is var charset
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            // The body is read as UTF-8 (RFC 8259): one declared in another encoding would be misread.
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send the JSON as UTF-8, not {Quoted.Value(charset)}"));
        }
        // The body is gathered in a pooled buffer (a filing's is a few dozen bytes; every request would otherwise
        // allocate its own), grown by doubling up to the limit.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(context.Request.ContentLength ?? 0, 512, limit + 1L));
        var length = 0;
        var marked = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    return (null, Problems.TooLarge(limit));
                }
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            if (length == 0)
            {
                return (null, optional ? null : Problems.BadRequest("the request needs a JSON body", "body"));
            }
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var json = buffer.AsSpan(0, length);
            // A byte-order mark is allowed before UTF-8 JSON (RFC 8259 lets a reader ignore it).
            marked = json.StartsWith("\uFEFF"u8) ? 3 : 0;
            var value = JsonSerializer.Deserialize<T>(json[marked..], options);
            return value is null ? (null, Problems.BadRequest("the body is null; send a JSON object", "body")) : (value, null);
        }
        catch (BadHttpRequestException e)
        {
            // A body over Kestrel's limit (the same one: it counts what arrived, ahead of this reader), or cut short.
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.TooLarge(limit) : Problems.Of(e.StatusCode, "Malformed request", e.Message));
        }
        catch (JsonException e) when (UnknownField(e) is { } unknown)
        {
            // The path ends with the unknown field itself: $.flags.flaged, or $.flags['a b'] for a name that needs quoting.
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$." + unknown : e.Path;
            var cut = path.EndsWith("']", StringComparison.Ordinal) ? path.LastIndexOf("['", StringComparison.Ordinal) : path.LastIndexOf('.');
            var parent = cut > 1 ? path[..cut] : "$";
            var field = parent == "$" ? unknown : $"{parent[2..]}.{unknown}";
            var within = parent == "$" ? "" : $" in {parent[2..]}";
            return (null, Problems.BadRequest($"unknown field {Quoted.Value(unknown)}{within}: a field the route does not take is refused, not ignored (see the OpenAPI document for the fields it takes)", field));
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            // Positions count the bytes as sent: a byte-order mark the reader skipped is on the first line.
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1 + (line == 0 ? marked : 0)})" : "";
            // A string whose bytes are not UTF-8 (or a lone surrogate escape) fails as a conversion: say what is wrong with it.
            var why = e.InnerException is InvalidOperationException { Message: var inner } && (inner.Contains("invalid UTF", StringComparison.Ordinal) || inner.Contains("incomplete UTF", StringComparison.Ordinal))
                ? "the text is not valid UTF-8 (or holds a lone surrogate escape)"
                : Clean(e.Message);
            return (null, Problems.BadRequest($"malformed JSON at {e.Path ?? "$"}{where}: {why}", field));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The name of the field System.Text.Json found no member for (the options disallow unmapped members), or null.</summary>
    private static string? UnknownField(JsonException e)
    {
        const string Lead = "The JSON property '";
        var message = e.Message;
        if (!message.StartsWith(Lead, StringComparison.Ordinal) || !message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return null;
        }
        var end = message.IndexOf("' could not be mapped", StringComparison.Ordinal);
        return end > Lead.Length ? message[Lead.Length..end] : null;
    }

    private static string Clean(string message)
    {
        if (message.StartsWith("Duplicate property '", StringComparison.Ordinal) && message.IndexOf('\'', 20) is var end and > 20)
        {
            return $"the field '{message[20..end]}' is given twice";
        }
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        // "The JSON value could not be converted to Docket.Server.Api.CaseFlags." names a C# type: say what is meant.
        return message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "the value has the wrong type (see the OpenAPI document for this field's type)"
            : message;
    }
}
