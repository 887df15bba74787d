using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Docket.Server.Api;

/// <summary>
/// HEAD is answered wherever GET is (RFC 9110 §9.3.2), with GET's status and headers and no body: the request is
/// routed as a GET, what it writes goes nowhere (a flush still sends the headers, so a stream answers at once), and
/// its method is restored before the response starts, so the server sends the headers as a HEAD's. Without this an
/// uptime check's <c>HEAD /health</c> met the authorization every unmatched route meets (401).
/// </summary>
public static class HeadRequests
{
    public static Task AsGetAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            return next(context);
        }
        context.Request.Method = HttpMethods.Get;
        context.Features.Set(new HeadRequest());
        context.Features.Set<IHttpResponseBodyFeature>(new NoBody(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>()));
        context.Response.OnStarting(() =>
        {
            context.Request.Method = HttpMethods.Head;
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// Whether the request is a HEAD routed as a GET: a stream (the ledger's export, a case's events) sends its
    /// headers and stops there rather than reading what it would have sent.
    /// </summary>
    public static bool IsHead(HttpContext context) => context.Features.Get<HeadRequest>() is not null;

    private sealed class HeadRequest;

    /// <summary>A response body that drops what is written; starting, flushing and completing go to the server's own.</summary>
    private sealed class NoBody : IHttpResponseBodyFeature
    {
        private readonly IHttpResponseBodyFeature _server;

        public NoBody(IHttpResponseBodyFeature server)
        {
            _server = server;
            Stream = new DroppingStream(server);
            Writer = PipeWriter.Create(Stream);
        }

        public Stream Stream { get; }

        public PipeWriter Writer { get; }

        public void DisableBuffering() => _server.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => _server.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            _server.StartAsync(cancellationToken);

        public async Task CompleteAsync()
        {
            await Writer.FlushAsync();
            await _server.CompleteAsync();
        }
    }

    private sealed class DroppingStream(IHttpResponseBodyFeature server) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => server.StartAsync().GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
