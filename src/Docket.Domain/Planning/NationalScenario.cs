using System.Globalization;
using System.Text;

namespace Docket.Domain.Planning;

/// <summary>The figures a national scenario is sized to (<see cref="NationalScenario"/>).</summary>
public sealed record NationalParameters
{
    /// <summary>Courts in all three levels (about 3,500 nationwide).</summary>
    public int Courts { get; init; } = 3500;

    /// <summary>High courts (31 provinces and the Xinjiang Production and Construction Corps: ours, not the seed's).</summary>
    public int HighCourts { get; init; } = 32;

    /// <summary>Intermediate courts (about 410: ours); the rest of <see cref="Courts"/> are basic courts.</summary>
    public int IntermediateCourts { get; init; } = 410;

    /// <summary>Quota judges (about 127,000 nationwide); each team has one.</summary>
    public int Judges { get; init; } = 127_000;

    /// <summary>Cases filed a year, appeals included and mediated disputes not (about 31 million in 2020).</summary>
    public long Cases { get; init; } = 31_000_000;

    public ulong Seed { get; init; } = 2020;

    /// <summary>Days simulated before the measured year, after the backlog each court starts with.</summary>
    public int WarmupDays { get; init; } = 60;

    /// <summary>What is wrong with the figures, by option name; empty when they can make a scenario.</summary>
    public IEnumerable<string> Problems()
    {
        if (HighCourts < 1)
        {
            yield return "--high-courts must be at least 1";
        }
        if (IntermediateCourts < HighCourts)
        {
            yield return "--intermediate-courts must be at least --high-courts (each high court hears some intermediate courts' appeals)";
        }
        if (Courts - HighCourts - IntermediateCourts < IntermediateCourts)
        {
            yield return "--courts must leave at least as many basic courts as --intermediate-courts";
        }
        if (Judges < 8 * Courts)
        {
            yield return "--judges must be at least 8 per court (each court has at least one team of each of its kinds)";
        }
        if (Cases < 100L * Courts)
        {
            yield return "--cases must be at least 100 per court";
        }
        if (WarmupDays is < 0 or > 3650)
        {
            yield return "--warmup-days must be from 0 to 3650";
        }
    }
}

/// <summary>
/// Writes a national court system as a scenario: three levels of courts (basic courts in three sizes, intermediate,
/// high), appeals from each level to the one above, the province sample's case types and team layouts, intake scaled
/// so that the year's filings come to <see cref="NationalParameters.Cases"/> and team counts so that the judges come to
/// <see cref="NationalParameters.Judges"/>. Each court starts with a backlog of its steady pending cases (each type's
/// yearly filings × its mean days to disposition in the province's steady year ÷ 365) and runs a short warm-up.
/// Everything but the three totals is ours, stated in the file's header.
/// </summary>
public static class NationalScenario
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    /// <summary>Basic court sizes: (name, share of the basic courts, intake relative to a medium court).</summary>
    private static readonly (string Name, double Share, double Size)[] s_basicSizes =
        [("basic-large", 0.25, 2.0), ("basic-medium", 0.40, 1.0), ("basic-small", 0.35, 0.5)];

    // A medium basic court's yearly intake before scaling (ours): simple procedure (small claims and simple civil,
    // 30% offered mediation, 55% of those settled), civil, criminal, enforcement.
    private const double SimpleIntake = 4600, CivilIntake = 2500, CriminalIntake = 500, EnforcementIntake = 2800;
    private const double MediationShare = 0.3, MediationSuccess = 0.55, SmallClaimsShare = 0.45;

    // First-instance intake of intermediate and high courts (ours).
    private static readonly double[] s_intermediateIntake = [2500, 600, 1000];
    private static readonly double[] s_highIntake = [600, 100, 200];

    // Appeal shares of closures (ours, as in the province): simple civil, civil, criminal up from basic courts;
    // civil and criminal first instances up from intermediate courts.
    private const double SimpleAppeal = 0.04, CivilAppeal = 0.12, CriminalAppeal = 0.08;

    /// <summary>Cases a team closes in a year at the province's quotas, by team kind (ours): the teams are sized to a common share of these.</summary>
    private static readonly Dictionary<string, double> s_teamNorm = new(StringComparer.Ordinal)
    {
        ["fast"] = 1200,
        ["civil"] = 300,
        ["criminal"] = 220,
        ["enforcement"] = 1000,
        ["civil-appeal"] = 280,
        ["criminal-appeal"] = 200,
    };

    /// <summary>Mean days to disposition in the province's steady year, by type: the backlog's size and mean age.</summary>
    private static readonly Dictionary<string, double> s_steadyDays = new(StringComparer.Ordinal)
    {
        ["small_claims"] = 6,
        ["simple_civil"] = 9,
        ["civil"] = 20,
        ["criminal"] = 20,
        ["civil_appeal"] = 14,
        ["criminal_appeal"] = 15,
        ["enforcement"] = 22,
    };

    /// <summary>One kind of court: its intake by type a year (appeals in expected numbers), and where its appeals go.</summary>
    private sealed record CourtGroup(string Id, int Count, Dictionary<string, double> Intake, double SimpleIntake, string? AppealsTo, bool FromBasic);

    public static string Write(NationalParameters p, string command)
    {
        var basic = p.Courts - p.HighCourts - p.IntermediateCourts;
        var counts = Apportion(basic, [.. s_basicSizes.Select(s => s.Share)]);
        var units = s_basicSizes.Select((s, i) => counts[i] * s.Size).Sum();
        var simpleFiled = SimpleIntake * (1 - (MediationShare * MediationSuccess));
        var unitFiled = simpleFiled + CivilIntake + CriminalIntake + EnforcementIntake;
        var unitAppeals = (SimpleAppeal * simpleFiled * (1 - SmallClaimsShare)) + (CivilAppeal * CivilIntake) + (CriminalAppeal * CriminalIntake);
        var intermediateFirst = s_intermediateIntake.Sum();
        var intermediateAppeals = (CivilAppeal * s_intermediateIntake[0]) + (CriminalAppeal * s_intermediateIntake[1]);
        var fixedCases = (p.IntermediateCourts * (intermediateFirst + intermediateAppeals)) + (p.HighCourts * s_highIntake.Sum());
        // Basic intake is scaled so that everything filed (appeals included) comes to the year's cases.
        var scale = Math.Max(0.01, (p.Cases - fixedCases) / (units * (unitFiled + unitAppeals)));

        var groups = new List<CourtGroup>();
        for (var i = 0; i < s_basicSizes.Length; i++)
        {
            var size = s_basicSizes[i].Size * scale;
            groups.Add(new CourtGroup(s_basicSizes[i].Name, counts[i], new(StringComparer.Ordinal)
            {
                ["small_claims"] = SimpleIntake * size * SmallClaimsShare * (1 - (MediationShare * MediationSuccess)),
                ["simple_civil"] = SimpleIntake * size * (1 - SmallClaimsShare) * (1 - (MediationShare * MediationSuccess)),
                ["civil"] = CivilIntake * size,
                ["criminal"] = CriminalIntake * size,
                ["enforcement"] = EnforcementIntake * size,
            }, SimpleIntake * size, "intermediate", true));
        }
        var basicAppealsPerIntermediate = groups.Sum(g => g.Count * ((SimpleAppeal * g.Intake["simple_civil"]) + (CivilAppeal * g.Intake["civil"]))) / p.IntermediateCourts;
        var basicCriminalAppeals = groups.Sum(g => g.Count * CriminalAppeal * g.Intake["criminal"]) / p.IntermediateCourts;
        groups.Add(new CourtGroup("intermediate", p.IntermediateCourts, new(StringComparer.Ordinal)
        {
            ["civil"] = s_intermediateIntake[0],
            ["criminal"] = s_intermediateIntake[1],
            ["enforcement"] = s_intermediateIntake[2],
            ["civil_appeal"] = basicAppealsPerIntermediate,
            ["criminal_appeal"] = basicCriminalAppeals,
        }, 0, "high", false));
        groups.Add(new CourtGroup("high", p.HighCourts, new(StringComparer.Ordinal)
        {
            ["civil"] = s_highIntake[0],
            ["criminal"] = s_highIntake[1],
            ["enforcement"] = s_highIntake[2],
            ["civil_appeal"] = CivilAppeal * s_intermediateIntake[0] * p.IntermediateCourts / p.HighCourts,
            ["criminal_appeal"] = CriminalAppeal * s_intermediateIntake[1] * p.IntermediateCourts / p.HighCourts,
        }, 0, null, false));

        // Teams: each kind's caseload ÷ its norm, times one share for the whole country so that the judges add up.
        var atNorm = groups.Sum(g => g.Count * TeamsAtNorm(g).Values.Sum());
        var share = p.Judges / atNorm;
        var teams = groups.ToDictionary(g => g.Id, g => SeatingAMeeting(TeamsAtNorm(g).ToDictionary(t => t.Key, t => Math.Max(1, (int)Math.Round(t.Value * share)))));
        var judges = groups.Sum(g => g.Count * teams[g.Id].Values.Sum());
        var filed = groups.Sum(g => g.Count * g.Intake.Values.Sum());

        var y = new StringBuilder();
        y.AppendLine(CultureInfo.InvariantCulture, $"# A national court system, written by `{command}`.");
        y.AppendLine(CultureInfo.InvariantCulture, $"# From the seed's scale: about {p.Courts:N0} courts in three levels, about {p.Judges:N0} quota judges, about {p.Cases:N0} cases a year.");
        y.AppendLine(CultureInfo.InvariantCulture, $"# This file: {p.HighCourts} high, {p.IntermediateCourts} intermediate and {basic} basic courts ({string.Join(", ", s_basicSizes.Select((s, i) => $"{counts[i]} {s.Name}"))}),");
        y.AppendLine(CultureInfo.InvariantCulture, $"# {judges:N0} judges in one-judge teams, about {filed:N0} cases filed a year (appeals included, mediated disputes not).");
        y.AppendLine("# Ours, not the seed's: the split of courts into levels and basic courts into sizes (a quarter large at twice a medium");
        y.AppendLine("# court's intake, two fifths medium, the rest small at half), a medium basic court's intake mix, the intermediate and");
        y.AppendLine("# high courts' first-instance intake, appeal shares and transfer days (as in province.yaml), team sizes (each kind's");
        y.AppendLine("# caseload over the province's quotas, scaled by one factor so that the judges add up), clerk pools, and the");
        y.AppendLine("# backlog: each type's yearly filings x its mean days to disposition in the province's steady year / 365, aged");
        y.AppendLine(CultureInfo.InvariantCulture, $"# exponentially with that mean, then a {p.WarmupDays}-day warm-up before the measured year.");
        y.AppendLine("name: national");
        y.AppendLine(CultureInfo.InvariantCulture, $"seed: {p.Seed}");
        y.AppendLine(CultureInfo.InvariantCulture, $"days: {p.WarmupDays + 365}");
        y.AppendLine(CultureInfo.InvariantCulture, $"warmup_days: {p.WarmupDays}");
        y.AppendLine("# Each court folds a case into its figures once it is archived and gives its memory to a later one.");
        y.AppendLine("closed_cases: stream");
        y.AppendLine("calendar: { days_per_week: 5, hours_per_day: 8 }");
        y.Append(CaseTypes);
        y.AppendLine("courts:");
        foreach (var g in groups.AsEnumerable().Reverse())
        {
            WriteGroup(y, g, teams[g.Id]);
        }
        return y.ToString();
    }

    /// <summary>
    /// Every court files flagged civil cases, so it must seat a professional judges' meeting (the default
    /// <see cref="Supervision.MeetingSpec"/>: no more than half from one department): a court whose one-judge teams
    /// cannot gets a team more in its smallest department under that cap until it can, above the judges asked for.
    /// </summary>
    private static Dictionary<string, int> SeatingAMeeting(Dictionary<string, int> teams)
    {
        var needed = Supervision.MeetingSpec.Default.Judges;
        var cap = Supervision.ProfessionalMeeting.MostFromOneDepartment(needed);
        while (Supervision.ProfessionalMeeting.Seats(teams.Values.Select(n => (long)n), needed) < needed)
        {
            var smallest = teams.Where(t => t.Value < cap).MinBy(t => t.Value).Key;
            teams[smallest]++;
        }
        return teams;
    }

    private static Dictionary<string, double> TeamsAtNorm(CourtGroup g)
    {
        var teams = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string kind, double cases)
        {
            if (cases > 0)
            {
                teams[kind] = teams.GetValueOrDefault(kind) + (cases / s_teamNorm[kind]);
            }
        }
        Add("fast", g.Intake.GetValueOrDefault("small_claims") + g.Intake.GetValueOrDefault("simple_civil"));
        Add("civil", g.Intake.GetValueOrDefault("civil"));
        Add("criminal", g.Intake.GetValueOrDefault("criminal"));
        Add("enforcement", g.Intake.GetValueOrDefault("enforcement"));
        Add("civil-appeal", g.Intake.GetValueOrDefault("civil_appeal"));
        Add("criminal-appeal", g.Intake.GetValueOrDefault("criminal_appeal"));
        return teams;
    }

    private static void WriteGroup(StringBuilder y, CourtGroup g, Dictionary<string, int> teams)
    {
        y.AppendLine(CultureInfo.InvariantCulture, $"  - id: {g.Id}");
        y.AppendLine(CultureInfo.InvariantCulture, $"    count: {g.Count}");
        if (g.AppealsTo is { } to)
        {
            y.AppendLine("    appeals:");
            y.AppendLine(CultureInfo.InvariantCulture, $"      to: {to}");
            y.AppendLine("      transfer_days: { up: 25, back: 20 }");
            y.AppendLine("      types:");
            if (g.FromBasic)
            {
                y.AppendLine(CultureInfo.InvariantCulture, $"        - {{ type: simple_civil, share: {Num(SimpleAppeal)}, appeal_type: civil_appeal }}");
            }
            y.AppendLine(CultureInfo.InvariantCulture, $"        - {{ type: civil, share: {Num(CivilAppeal)}, appeal_type: civil_appeal }}");
            y.AppendLine(CultureInfo.InvariantCulture, $"        - {{ type: criminal, share: {Num(CriminalAppeal)}, appeal_type: criminal_appeal }}");
        }
        y.AppendLine("    intake:");
        if (g.SimpleIntake > 0)
        {
            y.AppendLine(CultureInfo.InvariantCulture, $"      - mix: {{ small_claims: {Num(SmallClaimsShare)}, simple_civil: {Num(1 - SmallClaimsShare)} }}");
            y.AppendLine(CultureInfo.InvariantCulture, $"        per_year: {Whole(g.SimpleIntake)}");
            y.AppendLine(CultureInfo.InvariantCulture, $"        mediation: {{ share: {Num(MediationShare)}, success_rate: {Num(MediationSuccess)}, duration: {{ dist: gamma, mean_days: 12, shape: 2 }} }}");
        }
        foreach (var type in new[] { "civil", "criminal", "enforcement" })
        {
            y.AppendLine(CultureInfo.InvariantCulture, $"      - {{ type: {type}, per_year: {Whole(g.Intake[type])} }}");
        }
        y.AppendLine("    backlog:");
        foreach (var (type, perYear) in g.Intake)
        {
            var days = s_steadyDays[type];
            var count = (int)Math.Round(perYear * days / Simulation.SimulationYear.Days);
            if (count > 0)
            {
                y.AppendLine(CultureInfo.InvariantCulture, $"      - {{ type: {type}, count: {count}, age_days: {{ dist: exponential, mean_days: {Num(days)} }} }}");
            }
        }
        y.AppendLine("    teams:");
        var caseloadTeams = 0;
        foreach (var (kind, count) in teams)
        {
            var (template, teamKind, accepts) = kind switch
            {
                "fast" => ("1+2+1", "fast_track", "simple"),
                "enforcement" => ("enforcement", "enforcement", "enforcement"),
                "civil-appeal" => ("1+1", "specialized", "civil_appeal"),
                "criminal-appeal" => ("1+1", "specialized", "criminal_appeal"),
                _ => ("1+1", "specialized", kind),
            };
            caseloadTeams += kind is "civil" or "criminal" ? count : 0;
            y.AppendLine(CultureInfo.InvariantCulture, $"      - {{ id: {kind}, template: \"{template}\", count: {count}, kind: {teamKind}, accepts: [{accepts}], quota: {Whole(s_teamNorm[kind])}, quota_unit: cases }}");
        }
        // Pooled clerks record the civil and criminal hearings: about one for every two such teams (ours).
        y.AppendLine(CultureInfo.InvariantCulture, $"    pools: [ {{ id: clerks, members: {{ clerk: {Math.Max(1, (caseloadTeams + 1) / 2)} }}, tasks: [hearing_record], serves: [civil, criminal] }} ]");
        y.AppendLine("    assignment: { policy: random }");
    }

    /// <summary>Splits <paramref name="total"/> by <paramref name="shares"/> in whole numbers adding up to it (largest remainders).</summary>
    private static int[] Apportion(int total, double[] shares)
    {
        var sum = shares.Sum();
        var exact = shares.Select(s => total * s / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(total - counts.Sum()))
        {
            counts[i]++;
        }
        return counts;
    }

    private static string Num(double x) => x.ToString("0.###", s_inv);

    private static string Whole(double x) => Math.Round(x).ToString("0", s_inv);

    /// <summary>The province sample's case types (its first instance, appeal and enforcement types), unchanged.</summary>
    private const string CaseTypes = """
        case_types:
          - id: small_claims
            category: simple
            track: fast_track
            weight: 0.25
            time_limit_days: 60
            effort:
              judge: { dist: lognormal, mean_hours: 0.8, sd_hours: 0.5 }
              wait_hearing: { dist: gamma, mean_days: 4, shape: 2 }
              hearing_record: { dist: exponential, mean_hours: 0.6 }
          - id: simple_civil
            category: simple
            track: fast_track
            weight: 0.3
            time_limit_days: 90
            effort:
              preparation: { dist: exponential, mean_hours: 1.5 }
              wait_answer: { dist: gamma, mean_days: 7, shape: 3 }
              judge: { dist: lognormal, mean_hours: 1.0, sd_hours: 0.6 }
              hearing_record: { dist: exponential, mean_hours: 0.8 }
          - id: civil
            category: civil
            track: specialized
            time_limit_days: 180
            flagged_share: 0.01
            nodes: [ { id: judged, stage: judge, within_days: 120, lock: true } ]
            effort:
              wait_answer: { dist: gamma, mean_days: 15, shape: 4 }
              preparation: { dist: gamma, mean_hours: 4.0, shape: 2 }
              judge: { dist: lognormal, mean_hours: 5.5, sd_hours: 3 }
              hearing_record: { dist: gamma, mean_hours: 2.0, shape: 2 }
          - id: criminal
            category: criminal
            track: specialized
            weight: 1.2
            time_limit_days: 90
            effort:
              wait_hearing: { dist: gamma, mean_days: 12, shape: 2 }
              judge: { dist: lognormal, mean_hours: 8.0, sd_hours: 4 }
              hearing_record: { dist: gamma, mean_hours: 2.5, shape: 2 }
          - id: civil_appeal
            category: appeal
            track: specialized
            time_limit_days: 90
            effort:
              wait_answer: { dist: gamma, mean_days: 10, shape: 3 }
              preparation: { dist: gamma, mean_hours: 3.0, shape: 2 }
              judge: { dist: lognormal, mean_hours: 5.0, sd_hours: 2.5 }
              hearing_record: { dist: gamma, mean_hours: 1.5, shape: 2 }
          - id: criminal_appeal
            category: appeal
            track: specialized
            weight: 1.2
            time_limit_days: 60
            effort:
              wait_hearing: { dist: gamma, mean_days: 10, shape: 2 }
              judge: { dist: lognormal, mean_hours: 7.0, sd_hours: 3.5 }
              hearing_record: { dist: gamma, mean_hours: 2.0, shape: 2 }
          - id: enforcement
            category: enforcement
            track: enforcement
            weight: 0.3
            time_limit_days: 180
            nodes: [ { id: searched, stage: asset_search, within_days: 30, lock: true } ]
            effort:
              asset_search: { dist: exponential, mean_hours: 1.0 }
              wait_search: { dist: gamma, mean_days: 20, shape: 2 }
              judge: { dist: exponential, mean_hours: 0.8 }
              enforcement_measures: { dist: exponential, mean_hours: 1.5 }

        """;
}
