namespace Docket.Domain.Cases;

/// <summary>
/// A kind of case: its diversion track, the category (specialty) used for caps and balance, its workload weight
/// (simple cases 0.25–0.3 of an ordinary case; coin weights), statutory time limit, and the work it needs.
/// </summary>
public sealed record CaseType(
    string Id,
    string Category,
    CaseTrack Track,
    double Weight,
    double? TimeLimitDays,
    int Priority,
    IReadOnlyList<EffortStage> Stages,
    double FlaggedShare)
{
    /// <summary>Process nodes with their time limits (issue 3); empty when the type has none.</summary>
    public IReadOnlyList<Deadlines.ProcessNode> Nodes { get; init; } = [];

    /// <summary>
    /// The stage (effort key) whose end closes the case; later stages (publishing online, archiving) follow
    /// closure. Null: the last stage.
    /// </summary>
    public string? ClosesAfter { get; init; }

    /// <summary>Shares of the type's cases drawn at each risk level at filing (case 162).</summary>
    public Supervision.RiskShares Risk { get; init; } = Supervision.RiskShares.None;

    /// <summary>How the statutory limit is extended, or null for never.</summary>
    public Deadlines.TimeLimitExtension? Extension { get; init; }

    /// <summary>How a case of this (simple-procedure) type converts to ordinary procedure, or null for never (cases 157, 159).</summary>
    public Deadlines.ProcedureConversion? Conversion { get; init; }

    /// <summary>Shares of its cases referred to a professional judges' meeting besides four-type ones, or null for none (cases 164, 165).</summary>
    public Supervision.MeetingReferralShares? MeetingReferral { get; init; }

    /// <summary>Mean working hours a case of this type needs, over all stages but waits.</summary>
    public double MeanEffortHours => Stages.Where(s => !s.IsWait).Sum(s => s.Effort.MeanHours);
}

/// <summary>
/// One task of a case, done by one person of <see cref="Role"/> (or by a shared pool that does the task); or a wait
/// (empty role) of <see cref="Effort"/> calendar days that occupies nobody.
/// </summary>
public sealed record EffortStage(string Task, string Role, EffortDistribution Effort)
{
    /// <summary>
    /// The statutory limit stands still while the case is in this stage (<c>suspends_limit: true</c>: appraisal,
    /// public notice, mediation), from the stage's start to its end (<see cref="Deadlines.TimeLimit"/>).
    /// </summary>
    public bool SuspendsLimit { get; init; }

    public bool IsWait => Role.Length == 0;
}
