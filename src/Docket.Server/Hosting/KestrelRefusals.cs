using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Docket.Server.Hosting;

/// <summary>
/// Gives the refusals Kestrel makes itself — a malformed request line (400), headers over its limits (431), a request
/// line too long (414) — the problem document every other refusal has. Kestrel answers those before any middleware
/// runs, with an empty body and <c>Connection: close</c>; this connection middleware sees the answer as Kestrel writes
/// it and replaces it with the same status and a problem+json body. Nothing else is touched: a response of the
/// application never has an empty error body (status code pages fill it).
/// </summary>
internal static class KestrelRefusals
{
    private static readonly byte[] s_http11 = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] s_empty = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] s_close = "\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] s_end = "\r\n\r\n"u8.ToArray();

    /// <summary>Adds the middleware to every endpoint Kestrel listens on.</summary>
    public static void Add(KestrelServerOptions kestrel)
    {
        var limits = kestrel.Limits;
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new Transport(connection.Transport, limits);
            return next(connection);
        }));
    }

    /// <summary>The problem+json answer for Kestrel's own empty refusal in <paramref name="written"/>, or null when it is not one.</summary>
    internal static byte[]? Replace(ReadOnlySpan<byte> written, KestrelServerLimits limits)
    {
        if (written.Length < 32 || !written.StartsWith(s_http11) || written[9] is not ((byte)'4' or (byte)'5')
            || !written.EndsWith(s_end) || written.IndexOf(s_empty) < 0 || written.IndexOf(s_close) < 0)
        {
            return null;
        }
        var statusLine = Encoding.ASCII.GetString(written[..written.IndexOf("\r\n"u8)]);
        if (!int.TryParse(statusLine.AsSpan(9, 3), out var status))
        {
            return null;
        }
        var reason = statusLine.Length > 13 ? statusLine[13..] : "Refused";
        var detail = status switch
        {
            StatusCodes.Status400BadRequest => "the request is not well-formed HTTP/1.1 (its request line or a header is malformed)",
            StatusCodes.Status414RequestUriTooLong => $"the request line may hold at most {limits.MaxRequestLineSize} bytes",
            StatusCodes.Status431RequestHeaderFieldsTooLarge =>
                $"the request's headers may hold at most {limits.MaxRequestHeadersTotalSize} bytes and {limits.MaxRequestHeaderCount} fields",
            StatusCodes.Status413PayloadTooLarge => $"the body may hold at most {limits.MaxRequestBodySize} bytes",
            _ => reason,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = reason,
            ["status"] = status,
            ["detail"] = detail,
        });
        // Kestrel's other headers (Date, and Connection: close) stay; the length is the body's.
        var headers = Encoding.ASCII.GetString(written[..^2]).Replace("Content-Length: 0\r\n", "", StringComparison.Ordinal);
        var head = Encoding.ASCII.GetBytes($"{headers}Content-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n\r\n");
        return [.. head, .. body];
    }

    private sealed class Transport(IDuplexPipe inner, KestrelServerLimits limits) : IDuplexPipe
    {
        public PipeReader Input => inner.Input;

        public PipeWriter Output { get; } = new Writer(inner.Output, limits);
    }

    /// <summary>Passes everything through, but for a response head that is one of Kestrel's empty refusals.</summary>
    private sealed class Writer(PipeWriter inner, KestrelServerLimits limits) : PipeWriter
    {
        private Memory<byte> _lent;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _lent = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_lent = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            if (bytes <= _lent.Length && Replace(_lent.Span[..bytes], limits) is { } replacement)
            {
                // The refusal is still uncommitted in the inner writer's buffer: write the replacement over it.
                var span = inner.GetSpan(replacement.Length);
                replacement.CopyTo(span);
                inner.Advance(replacement.Length);
                return;
            }
            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
