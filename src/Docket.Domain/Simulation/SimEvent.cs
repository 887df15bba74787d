namespace Docket.Domain.Simulation;

internal enum SimEventKind : byte
{
    Arrival,
    MediationEnd,
    TaskDone,
    Escalate,
    AbsenceStart,
    AbsenceEnd,
    NodeEscalation,
    LimitWarning,
    LimitDue,
    MeetingTick,

    /// <summary>A filing given from outside (<see cref="ExternalFiling"/>): the driven intake of a what-if replay.</summary>
    ExternalArrival,

    /// <summary>The end of a round of Linshu's coins (<see cref="CoinRounds"/>).</summary>
    CoinRound,

    /// <summary>The higher court's approval of an extension beyond the president's cap arrives (<see cref="Deadlines.TimeLimitExtension.HigherCourtDays"/>).</summary>
    HigherCourtExtension,

    /// <summary>A quality review session (<see cref="Quality.QualityReviewSpec.SessionsPerYear"/> a year).</summary>
    QualitySession,

    /// <summary>A carded file fixed by its judge: its review passes.</summary>
    QualityFixed,

    /// <summary>The adjudication committee's cadence (<see cref="Supervision.CommitteeSpec.EveryDays"/>).</summary>
    CommitteeTick,

    /// <summary>The end of an adjudication committee's session: its cases decided.</summary>
    CommitteeDone,
}

/// <summary>An event of the court's loop. Ties in time are broken by <see cref="Sequence"/>, so order is deterministic.</summary>
internal struct SimEvent
{
    public double Time;
    public long Sequence;
    public SimEventKind Kind;
    public int Subject;
    public int Station;
    public int Server;

    /// <summary>For a node's escalation: the node's deadline.</summary>
    public double Deadline;
}
