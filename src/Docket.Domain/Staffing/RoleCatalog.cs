namespace Docket.Domain.Staffing;

/// <summary>
/// Roles with their human-resource coefficients (case 155, Fengtai). Judge-kind roles hear cases; a president or
/// division head is also a judge ("入额必办案", case 161).
/// </summary>
public sealed class RoleCatalog
{
    public const string Judge = "judge";
    public const string President = "president";
    public const string VicePresident = "vice_president";
    public const string DivisionHead = "division_head";
    public const string Assistant = "assistant";
    public const string Clerk = "clerk";
    public const string ContractStaff = "contract_staff";
    public const string FastTrackContractStaff = "fast_track_contract_staff";
    public const string Mediator = "mediator";
    public const string Outsourced = "outsourced";
    public const string Bailiff = "bailiff";

    /// <summary>The seed's coefficients; clerks and bailiffs count as general contract staff (0.4).</summary>
    public static IReadOnlyDictionary<string, double> DefaultCoefficients { get; } = new Dictionary<string, double>
    {
        [Judge] = 1.0,
        [President] = 1.0,
        [VicePresident] = 1.0,
        [DivisionHead] = 0.5,
        [Assistant] = 0.6,
        [Clerk] = 0.4,
        [ContractStaff] = 0.4,
        [Bailiff] = 0.4,
        [FastTrackContractStaff] = 0.2,
        [Mediator] = 0.1,
        [Outsourced] = 0.1,
    };

    private static readonly HashSet<string> s_judgeRoles = [Judge, President, VicePresident, DivisionHead];
    private static readonly HashSet<string> s_leaderRoles = [President, VicePresident, DivisionHead];

    private readonly Dictionary<string, double> _coefficients;

    public RoleCatalog(IReadOnlyDictionary<string, double>? overrides = null)
    {
        _coefficients = new Dictionary<string, double>(DefaultCoefficients);
        if (overrides is not null)
        {
            foreach (var (role, value) in overrides)
            {
                _coefficients[role] = value;
            }
        }
    }

    public static RoleCatalog Default { get; } = new();

    public IReadOnlyDictionary<string, double> Coefficients => _coefficients;

    public bool IsKnown(string role) => _coefficients.ContainsKey(role);

    public double Coefficient(string role) => _coefficients.TryGetValue(role, out var c) ? c : 0.0;

    /// <summary>Roles that hear and decide cases: judges, division heads, vice-presidents, presidents.</summary>
    public static bool HearsCases(string role) => s_judgeRoles.Contains(role);

    /// <summary>How many of <paramref name="members"/> (counts by role) hear cases: a team's judges.</summary>
    public static long JudgesAmong(IReadOnlyDictionary<string, int> members) => members.Where(m => HearsCases(m.Key)).Sum(m => (long)m.Value);

    /// <summary>Court leaders who take a larger share of assignments (case 161) and supervise.</summary>
    public static bool IsLeader(string role) => s_leaderRoles.Contains(role);

    /// <summary>Sum of members' coefficients: the team's weight when a court target is split (case 155).</summary>
    public double TeamCoefficient(IReadOnlyDictionary<string, int> members)
    {
        var sum = 0.0;
        foreach (var (role, count) in members)
        {
            sum += Coefficient(role) * count;
        }
        return sum;
    }
}
