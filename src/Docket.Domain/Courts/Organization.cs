using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;

namespace Docket.Domain.Courts;

/// <summary>
/// The court organisation the live service runs: the scenario file planners use (its courts, teams, case types
/// and policies), each court compiled once. Registered as a singleton in the silo.
/// </summary>
public sealed class Organization
{
    private readonly Dictionary<string, Court> _courts;

    public Organization(Scenario scenario, string source)
    {
        Scenario = scenario;
        Source = source;
        var prefix = scenario.CourtCount > 1;
        _courts = scenario.ExpandCourts()
            .ToDictionary(c => c.CourtId, c => new Court(scenario, c.Spec, c.CourtId, prefix), StringComparer.Ordinal);
        CourtIds = [.. scenario.ExpandCourts().Select(c => c.CourtId)];
    }

    public Scenario Scenario { get; }

    /// <summary>Where the scenario came from (its file name).</summary>
    public string Source { get; }

    public IReadOnlyList<string> CourtIds { get; }

    public Court? Court(string id) => _courts.TryGetValue(id, out var court) ? court : null;

    /// <summary>The court and team index of a team id, or null.</summary>
    public (Court Court, int Team)? FindTeam(string teamId)
    {
        foreach (var court in _courts.Values)
        {
            var t = court.TeamIndex(teamId);
            if (t >= 0)
            {
                return (court, t);
            }
        }
        return null;
    }

    /// <summary>Splits a case id <c>{court}-{number}</c> at its last hyphen; null when it names no court of ours.</summary>
    public (Court Court, long Number)? ParseCaseId(string caseId)
    {
        var cut = caseId.LastIndexOf('-');
        if (cut <= 0 || !long.TryParse(caseId.AsSpan(cut + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1
            || caseId.Length - cut - 1 != CountDigits(number))
        {
            return null;
        }
        return Court(caseId[..cut]) is { } court ? (court, number) : null;
    }

    private static int CountDigits(long n)
    {
        var digits = 1;
        while (n >= 10)
        {
            n /= 10;
            digits++;
        }
        return digits;
    }
}
