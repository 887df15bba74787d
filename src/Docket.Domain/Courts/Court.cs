using System.Security.Cryptography;
using System.Text;
using Docket.Domain.Access;
using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Randomness;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;

namespace Docket.Domain.Courts;

/// <summary>
/// One court of the organisation compiled for the live service: the simulator's <see cref="CourtLayout"/> (teams,
/// pools, policies), each pool's name and random-stream key, the deadline ladder, and lookups by id.
/// </summary>
public sealed class Court
{
    private readonly Dictionary<string, int> _teamIndex;
    private readonly Dictionary<string, int> _typeIndex;

    internal Court(Scenario scenario, CourtSpec spec, string courtId, bool prefixTeamIds)
    {
        Scenario = scenario;
        Id = courtId;
        Layout = new CourtLayout(scenario, spec, courtId, prefixTeamIds);
        Ladder = new EscalationLadder(spec.Supervision.WarnBeforeHours, spec.Supervision.ReferralAfterDays);
        _teamIndex = Layout.Teams.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _typeIndex = scenario.CaseTypes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        PoolStreamKeys = [.. PoolNames.Select(name => AssignmentDraw.PoolStreamKey(courtId, name))];
        OrganizationHash = HashOrganization();
    }

    public string Id { get; }

    public Scenario Scenario { get; }

    public CourtLayout Layout { get; }

    public EscalationLadder Ladder { get; }

    public IReadOnlyList<CaseType> CaseTypes => Scenario.CaseTypes;

    /// <summary>Each assignment pool's name: the team group that has its own assignment, or "court" (<see cref="CourtLayout.PoolNames"/>).</summary>
    public IReadOnlyList<string> PoolNames => Layout.PoolNames;

    /// <summary>The entity key of each pool's random stream: <see cref="AssignmentDraw.PoolStreamKey"/> of the court's id and the pool's name.</summary>
    public IReadOnlyList<ulong> PoolStreamKeys { get; }

    /// <summary>SHA-256 of the court's teams, pools and policies as the ledger depends on them.</summary>
    public string OrganizationHash { get; }

    public int TeamIndex(string teamId) => _teamIndex.TryGetValue(teamId, out var i) ? i : -1;

    public int TypeIndex(string typeId) => _typeIndex.TryGetValue(typeId, out var i) ? i : -1;

    /// <summary>The division (team group id) of a court team.</summary>
    public string DivisionOf(int team) => Layout.Spec.Teams[Layout.Teams[team].Group].Id;

    public string? DivisionOfTeam(string? teamId) => teamId is not null && TeamIndex(teamId) is var t and >= 0 ? DivisionOf(t) : null;

    public string CaseId(long number) => $"{Id}-{number}";

    /// <summary>The number of one of this court's case ids (<c>{court}-{number}</c>).</summary>
    public long NumberOf(string caseId) => long.Parse(caseId.AsSpan(Id.Length + 1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The number of <paramref name="caseId"/> when it is one of this court's case ids (<c>{court}-{number}</c>, number ≥ 1), else null.</summary>
    public long? ParseNumber(string? caseId) =>
        caseId is not null && caseId.Length > Id.Length + 1 && caseId.StartsWith(Id, StringComparison.Ordinal) && caseId[Id.Length] == '-'
        && long.TryParse(caseId.AsSpan(Id.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : null;

    private string HashOrganization()
    {
        var text = new StringBuilder();
        for (var p = 0; p < Layout.PoolSpecs.Count; p++)
        {
            text.Append("pool ").Append(PoolNames[p]).Append(' ').Append(Layout.PoolSpecs[p]).Append('\n');
            foreach (var t in Layout.PoolTeams[p])
            {
                var team = Layout.Teams[t];
                text.Append("  team ").Append(team.Id)
                    .Append(" accepts ").Append(string.Join(',', team.Accepts.Select(a => CaseTypes[a].Id)))
                    .Append(" cap ").Append(team.Cap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")
                    .Append(" coefficient ").Append(team.Coefficient.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                    .Append(" judges ").Append(team.Judges)
                    .Append(" leader ").Append(team.Leader).Append(" chief ").Append(team.Chief).Append('\n');
            }
        }
        foreach (var type in CaseTypes)
        {
            text.Append("type ").Append(type.Id).Append(' ').Append(type.Category).Append(' ')
                .Append(type.Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(type.Priority).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
