using System.Net;
using Docket.Server.Hosting;
using Npgsql;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Docket.Server.Tests;

/// <summary>
/// Failures that pass are answered 503 with Retry-After and a problem document, not a bare 500; a request waits for a
/// grain no longer than Docket:Limits:GrainWaitSeconds. (The silo killed under load is in Cluster/TwoSiloTests.)
/// </summary>
public sealed class UnavailableTests
{
    public static TheoryData<Exception> Passing() => new()
    {
        new SiloUnavailableException("silo S127.0.0.1:11111:1 is dead"),
        new ConnectionFailedException("connection refused"),
        new TimeoutException("Response did not arrive on time"),
        new NpgsqlException("the server closed the connection", new System.Net.Sockets.SocketException(104)),
        new InvalidOperationException("activation failed", new SiloUnavailableException()),
        new AggregateException(new ArgumentException("other"), new TimeoutException()),
    };

    [Theory]
    [MemberData(nameof(Passing))]
    public void A_dead_silo_a_refused_message_a_timeout_or_a_store_that_refused_for_a_moment_passes(Exception exception) =>
        Assert.NotNull(Unavailable.Why(exception));

    [Fact]
    public void A_bug_or_a_broken_ledger_does_not_pass() =>
        Assert.All(new Exception[]
        {
            new InvalidOperationException("court live: the ledger cannot be taken up: entry 3 does not re-make"),
            new NullReferenceException(),
            new PostgresException("duplicate key", "ERROR", "ERROR", "23505"),
        }, e => Assert.Null(Unavailable.Why(e)));

    [Fact]
    public async Task A_request_that_waits_for_a_grain_past_the_bound_is_answered_503_with_Retry_After()
    {
        // A bound no grain call can meet: every call made for a request times out.
        await using var factory = new DocketFactory(settings: new Dictionary<string, string?>
        {
            ["Docket:Limits:GrainWaitSeconds"] = "0.000001",
            ["Docket:Limits:RetryAfterSeconds"] = "3",
        });
        var admin = factory.ClientFor(TestUsers.Admin);
        var (status, problem, response) = await admin.GetJsonAsync("/api/courts/live/kpis");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("did not answer in time", problem.Str("detail"));

        var (filing, _, filed) = await factory.ClientFor(TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" },
            r => r.Headers.Add("Idempotency-Key", "bounded-1"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, filing);
        Assert.NotNull(filed.Headers.RetryAfter);

        // The audit routes are not bounded (a verification may run long).
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/commitments")).Status);
    }
}
