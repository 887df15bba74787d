using System.Security.Cryptography;
using System.Text;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;

namespace Docket.Server.Auth;

/// <summary>
/// The configured users, looked up by the SHA-256 of the key or token presented (so the lookup takes the same time
/// whatever is presented, and configuration may hold hashes rather than secrets). Checked at start: roles, courts,
/// divisions and teams must exist.
/// </summary>
public sealed class UserDirectory
{
    private readonly Dictionary<string, Actor> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> _byToken = new(StringComparer.Ordinal);

    public UserDirectory(IReadOnlyList<UserAccount> accounts, Organization organization)
    {
        var errors = new List<string>();
        for (var i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i];
            a.Court = Blank(a.Court);
            a.Division = Blank(a.Division);
            a.Team = Blank(a.Team);
            var at = $"Docket:Auth:Users:{i}";
            if (string.IsNullOrWhiteSpace(a.Name))
            {
                errors.Add($"{at}:Name: a user needs a name");
            }
            if (!UserRoles.All.Contains(a.Role))
            {
                errors.Add($"{at}:Role: unknown role '{a.Role}' (one of {string.Join(", ", UserRoles.All)})");
            }
            var court = a.Court is null ? null : organization.Court(a.Court);
            if (a.Court is not null && court is null)
            {
                errors.Add($"{at}:Court: no court '{a.Court}' (courts: {string.Join(", ", organization.CourtIds)})");
            }
            // What the role must name, from the access table: a permission that reaches only the actor's own court,
            // team or division reaches nothing for an account that names none.
            var bindings = AccessRules.BindingsOf(a.Role);
            if (bindings.Court && a.Court is null)
            {
                errors.Add($"{at}:Court: a {a.Role} belongs to a court");
            }
            if (court is not null && a.Team is not null && court.TeamIndex(a.Team) < 0)
            {
                errors.Add($"{at}:Team: court {court.Id} has no team '{a.Team}'");
            }
            if (court is not null && a.Division is not null && !court.Layout.Spec.Teams.Any(g => g.Id == a.Division))
            {
                errors.Add($"{at}:Division: court {court.Id} has no division (team group) '{a.Division}'");
            }
            if (bindings.Team && a.Team is null)
            {
                errors.Add($"{at}:Team: a {a.Role} belongs to a team");
            }
            if (bindings.Division && a.Division is null)
            {
                errors.Add($"{at}:Division: a {a.Role} belongs to a division");
            }
            var actor = new Actor(a.Name, a.Role, a.Court, a.Division, a.Team);
            foreach (var key in a.ApiKeys)
            {
                Add(_byKey, key, actor, $"{at}:ApiKeys", errors);
            }
            foreach (var token in a.Tokens)
            {
                Add(_byToken, token, actor, $"{at}:Tokens", errors);
            }
        }
        if (errors.Count > 0)
        {
            throw new StartupException(errors);
        }
        Count = accounts.Count;
    }

    public int Count { get; }

    public Actor? FindByApiKey(string key) => _byKey.GetValueOrDefault(Hash(key));

    public Actor? FindByToken(string token) => _byToken.GetValueOrDefault(Hash(token));

    private static void Add(Dictionary<string, Actor> map, string secret, Actor actor, string at, List<string> errors)
    {
        var hash = secret.StartsWith("sha256:", StringComparison.Ordinal) ? secret[7..].ToLowerInvariant() : Hash(secret);
        if (string.IsNullOrWhiteSpace(secret) || hash.Length != 64)
        {
            errors.Add($"{at}: an empty key, or a sha256: value that is not 64 hex digits");
        }
        else if (!map.TryAdd(hash, actor))
        {
            errors.Add($"{at}: the same key is given to two users");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
