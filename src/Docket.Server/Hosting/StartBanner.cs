using Docket.Server.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Docket.Server.Hosting;

/// <summary>
/// Once the service listens, prints where its API reference (Scalar), OpenAPI document and Orleans Dashboard are; in
/// demo mode the demo users and their keys (printed this once, nowhere else); and, when no user is configured, a
/// warning naming the key to set.
/// </summary>
internal sealed partial class StartBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    UserDirectory users,
    StartBanner.Demo demo,
    ILogger<StartBanner> logger) : IHostedService
{
    /// <summary>The demo users made for this run (empty without <c>--demo</c>).</summary>
    public sealed record Demo(IReadOnlyList<UserAccount> Users);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            LogNoUsers();
        }
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var text = Text(addresses.Select(a => a.Replace("://[::]", "://localhost", StringComparison.Ordinal)).FirstOrDefault(), demo.Users, users.Count);
        Console.Out.Write(text);
        Console.Out.Flush();
    }

    /// <summary>The banner for a service listening at <paramref name="baseUrl"/> (none under a test server).</summary>
    public static string Text(string? baseUrl, IReadOnlyList<UserAccount> demoUsers, int userCount)
    {
        var w = new StringWriter();
        if (baseUrl is not null)
        {
            var root = baseUrl.TrimEnd('/');
            w.WriteLine($"Docket is listening on {root}");
            w.WriteLine($"  API reference (Scalar): {root}{DocketServer.ScalarPath}");
            w.WriteLine($"  OpenAPI document:       {root}{DocketServer.OpenApiPath}");
            w.WriteLine($"  Orleans Dashboard:      {root}{DocketServer.DashboardPath}/  (an admin of every court; HTTP Basic: user name and API key)");
        }
        if (demoUsers.Count > 0)
        {
            w.WriteLine("Demo users (--demo): keys made for this run only, shown this once. Send one as 'X-Api-Key: KEY'.");
            w.WriteLine($"  {"role",-14} {"name",-20} {"court",-18} {"division/team",-16} key");
            foreach (var u in demoUsers)
            {
                w.WriteLine($"  {u.Role,-14} {u.Name,-20} {u.Court ?? "(every court)",-18} {u.Division ?? u.Team ?? "",-16} {u.ApiKeys[0]}");
            }
        }
        else if (userCount == 0)
        {
            w.WriteLine($"WARNING: no users are configured ({UsersKey} is empty): every route that needs a user answers 401 (health, metrics, the public party pages and the API reference stay open).");
            w.WriteLine("  Give users with --config FILE (see users.example.json and docs/api.md), or try it out with --demo.");
        }
        return w.ToString();
    }

    private const string UsersKey = "Docket:Auth:Users";

    [LoggerMessage(Level = LogLevel.Warning, Message = "No users are configured (" + UsersKey + " is empty): every route that needs a user answers 401 (health, metrics, the public party pages and the API reference stay open). "
        + "Give users with --config FILE (users.example.json is a sample; docs/api.md, \"Configuration\") or start with --demo for demo keys on loopback.")]
    private partial void LogNoUsers();
}
