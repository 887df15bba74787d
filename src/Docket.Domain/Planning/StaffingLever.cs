using System.Text.Json.Nodes;
using Docket.Domain.Scenarios;

namespace Docket.Domain.Planning;

/// <summary>
/// The staffing a search varies: the number of teams of a team group, or the members of one role in a shared pool,
/// in one court of the scenario. It writes scenario variants (as JSON, which the loader reads) with another count.
/// </summary>
public sealed class StaffingLever
{
    private readonly JsonObject _scenario;
    private readonly Func<JsonObject, JsonObject> _target;
    private readonly string _key;

    private StaffingLever(JsonObject scenario, Func<JsonObject, JsonObject> target, string key, string description, int current)
    {
        _scenario = scenario;
        _target = target;
        _key = key;
        Description = description;
        Current = current;
    }

    /// <summary>What is varied, in words: "teams of group 'civil'", "clerk members of pool 'hearing_clerks'".</summary>
    public string Description { get; }

    /// <summary>The count the scenario has.</summary>
    public int Current { get; }

    /// <summary>The team group <paramref name="group"/> (in <paramref name="court"/> when the scenario has courts).</summary>
    /// <exception cref="ArgumentException">No such group or court; the message lists the known ones.</exception>
    public static StaffingLever TeamGroup(string scenarioText, Scenario scenario, string group, string? court)
    {
        var spec = FindCourt(scenario, court, c => c.Teams.Any(g => g.Id == group), "team group", group,
            c => c.Teams.Select(g => g.Id));
        var root = Root(scenarioText);
        var current = spec.Teams.Single(g => g.Id == group).Count;
        return new StaffingLever(root, r => Item(CourtNode(r, spec.Id), "teams", group), "count", $"teams of group '{group}'", current);
    }

    /// <summary>The members of <paramref name="role"/> (default: the pool's only role) in pool <paramref name="pool"/>.</summary>
    /// <exception cref="ArgumentException">No such pool, court or role; the message lists the known ones.</exception>
    public static StaffingLever PoolMembers(string scenarioText, Scenario scenario, string pool, string? role, string? court)
    {
        var spec = FindCourt(scenario, court, c => c.Pools.Any(p => p.Id == pool), "pool", pool, c => c.Pools.Select(p => p.Id));
        var members = spec.Pools.Single(p => p.Id == pool).Members;
        if (role is null)
        {
            if (members.Count != 1)
            {
                throw new ArgumentException($"pool '{pool}' has several roles ({string.Join(", ", members.Keys)}): say which with --role");
            }
            role = members.Keys.Single();
        }
        else if (!members.ContainsKey(role))
        {
            throw new ArgumentException($"pool '{pool}' has no role '{role}' (it has: {string.Join(", ", members.Keys)})");
        }
        var root = Root(scenarioText);
        var chosen = role;
        return new StaffingLever(root, r => (JsonObject)Item(CourtNode(r, spec.Id), "pools", pool)["members"]!, chosen, $"{chosen} members of pool '{pool}'", members[chosen]);
    }

    /// <summary>The scenario as JSON text with the count set to <paramref name="count"/>.</summary>
    public string WithCount(int count)
    {
        var copy = (JsonObject)_scenario.DeepClone();
        _target(copy)[_key] = count;
        return copy.ToJsonString();
    }

    private static JsonObject Root(string text) =>
        ScenarioJson.FromYaml(text) as JsonObject ?? throw new ArgumentException("the scenario's top level is not a mapping");

    private static CourtSpec FindCourt(Scenario scenario, string? court, Func<CourtSpec, bool> has, string what, string id,
        Func<CourtSpec, IEnumerable<string>> known)
    {
        var courts = court is null ? scenario.Courts : scenario.Courts.Where(c => c.Id == court).ToList();
        if (court is not null && courts.Count == 0)
        {
            throw new ArgumentException($"unknown court '{court}' (the scenario has: {string.Join(", ", scenario.Courts.Select(c => c.Id))})");
        }
        var holding = courts.Where(has).ToList();
        return holding.Count switch
        {
            1 => holding[0],
            0 => throw new ArgumentException($"unknown {what} '{id}'{(court is null ? "" : $" in court '{court}'")} ({Known(courts.SelectMany(known).Distinct().ToList(), what)})"),
            _ => throw new ArgumentException($"{what} '{id}' is in several courts ({string.Join(", ", holding.Select(c => c.Id))}): say which with --court"),
        };
    }

    private static string Known(List<string> ids, string what) =>
        ids.Count == 0 ? $"the scenario has no {what}" : $"known: {string.Join(", ", ids)}";

    /// <summary>The mapping holding the court's teams and pools: the top level, or its entry of <c>courts</c>.</summary>
    private static JsonObject CourtNode(JsonObject root, string courtId) =>
        root["courts"] is JsonArray courts
            ? courts.OfType<JsonObject>().First(c => (string?)c["id"] == courtId)
            : root;

    private static JsonObject Item(JsonObject court, string list, string id) =>
        ((JsonArray)court[list]!).OfType<JsonObject>().First(i => i["id"]?.ToString() == id);
}
