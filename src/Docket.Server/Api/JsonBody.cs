using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Docket.Server.Api;

/// <summary>
/// Reads a JSON body with the API's options, refusing bodies over the configured size (413) and answering
/// malformed JSON with a 400 that names where it broke (the JSON path, line and byte).
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.Limits.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }
        if (context.Request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !type.Contains("+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send application/json, not {type}"));
        }
        // The body is gathered in a pooled buffer (a filing's is a few dozen bytes; every request would otherwise
        // allocate its own), grown by doubling up to the limit.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(context.Request.ContentLength ?? 0, 512, limit + 1L));
        var length = 0;
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
                return (null, Problems.BadRequest("the request needs a JSON body", "body"));
            }
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), options);
            return value is null ? (null, Problems.BadRequest("the body is null; send a JSON object", "body")) : (value, null);
        }
        catch (BadHttpRequestException e)
        {
            // A body over Kestrel's limit (the same one: it counts what arrived, ahead of this reader), or cut short.
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.TooLarge(limit) : Problems.Of(e.StatusCode, "Malformed request", e.Message));
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, Problems.BadRequest($"malformed JSON at {e.Path ?? "$"}{where}: {Clean(e.Message)}", field));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A body that may be left out: none (no length and no type, or an empty one) reads as null.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadOptionalAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class =>
        context.Request.ContentLength is 0 || (context.Request.ContentLength is null && context.Request.ContentType is null)
            ? (null, null)
            : await ReadAsync<T>(context, cancellationToken);

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        // "The JSON value could not be converted to Docket.Server.Api.CaseFlags." names a C# type: say what is meant.
        return message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "the value has the wrong type (see the OpenAPI document for this field's type)"
            : message;
    }
}
