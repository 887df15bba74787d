namespace Docket.Domain.Simulation;

/// <summary>
/// A case's compact working record while a court is simulated: when it arrived, was filed, assigned and closed
/// (NaN while not yet), its team and stage. It lives in the court's array; the case grain reads it on demand.
/// </summary>
public struct CaseRecord
{
    // The fields every event reads first, in the record's first 64 bytes (one or two cache lines wherever the record
    // falls); the rest after. Each group in falling size, so that the struct has no padding inside (144 bytes).
    public double Received;
    public double Filed;
    public double Assigned;
    public double Closed;
    public ulong Key;
    public int Team;
    public CaseFlags Flags;
    public short Type;
    public byte Stage;
    public CaseStatus Status;

    /// <summary>The team's judge in charge (0-based, <see cref="Assignment.JudgeInCharge"/>), named at assignment; does its hearing work.</summary>
    public byte Judge;
    public Supervision.RiskLevel Risk;

    /// <summary>Why, besides being four-type, it goes to a professional judges' meeting: an index of <see cref="Supervision.MeetingTriggers.All"/>, 0 for none.</summary>
    public byte MeetingTrigger;

    /// <summary>Entries of the court's waiting queues naming this case, stale ones (left behind by escalation) included.</summary>
    public byte QueueEntries;

    /// <summary>
    /// The court's number of the case (1, 2, 3… in filing order, the backlog first, oldest first), 0 while not filed
    /// (a dispute in mediation, or settled there). Its draw is keyed by it (<see cref="Assignment.AssignmentDraw"/>).
    /// </summary>
    public int Number;

    /// <summary>
    /// How many cases held this record's slot before this one. Events and jobs that may outlive their case carry it, so
    /// one that finds another case in the slot (<see cref="CourtSimulation.ReusesClosedSlots"/>) is dropped as stale.
    /// </summary>
    public int Generation;

    /// <summary>The statutory limit (absolute day, extensions included), or NaN when the type has none.</summary>
    public double Limit;

    /// <summary>When the last stage ended (archived, transferred), NaN until then.</summary>
    public double Archived;

    /// <summary>When the stage under way that suspends the statutory limit began (while <see cref="CaseFlags.LimitSuspended"/>).</summary>
    public double SuspendedSince;

    /// <summary>Days the statutory limit stood still in stages that suspend it (added to <see cref="Limit"/>).</summary>
    public double SuspendedDays;
    public double LockedAt;
    public double LockedDays;

    /// <summary>When the type's service node was reached (<see cref="Reports.CheckNodes"/>), NaN until then: the daily check reads it.</summary>
    public double Served;

    /// <summary>When the type's hearing node was reached (<see cref="Reports.CheckNodes"/>), NaN until then.</summary>
    public double Heard;
    public ulong NodesReached;

    /// <summary>The case's place in the order cases reached the court (0, 1, 2…, mediated disputes included): its view's id.</summary>
    public int Ordinal;
    public short Locks;
    public short Extensions;

    public readonly bool IsFiledBy(double t) => Filed < t;

    public readonly bool IsOpenAt(double t) => Filed < t && !(Closed < t);
}

[Flags]
public enum CaseFlags : uint
{
    None = 0,

    /// <summary>A "four-type" case: designated to a leader, held for a professional judges' meeting before closing.</summary>
    Flagged = 1,
    Backlog = 2,
    Escalated = 4,
    Designated = 8,
    Mediation = 16,
    Locked = 32,

    /// <summary>Stopped between stages until its lock is lifted.</summary>
    Parked = 64,
    AwaitingMeeting = 128,
    MeetingHeld = 256,
    Referred = 512,
    /// <summary>Overdue of its current statutory limit (a limit moved on, by a stage's end, an extension or a conversion, clears it: the new limit falls due on its own).</summary>
    LimitOverdue = 1024,
    Overdue = 2048,

    /// <summary>In a stage that suspends the statutory limit: no warning or overdue until it ends.</summary>
    LimitSuspended = 4096,

    /// <summary>Warned of its current statutory limit (a limit moved on clears it: the new limit gets its own warning).</summary>
    LimitWarned = 8192,

    /// <summary>Its judge asked to convert it to ordinary procedure (once per case; cases 157, 159).</summary>
    ConversionRequested = 16384,

    /// <summary>Converted to ordinary procedure with approval: its limit is the ordinary one.</summary>
    Converted = 32768,

    /// <summary>Its team was chosen by a random draw (random, weighted random, pull, deck): the published counts' <c>drawn</c>.</summary>
    Drawn = 65536,

    /// <summary>Held for quality review: its archiving waits until the review passes (case 162).</summary>
    ReviewHeld = 131072,

    /// <summary>Held as its judge's file of the year (case 166): a later file of the judge may take the place and release it.</summary>
    ReviewJudgePlace = 262144,

    /// <summary>Reviewed because its type or category is reviewed in full.</summary>
    ReviewCategory = 524288,

    /// <summary>Drawn in the proportional random sample.</summary>
    ReviewSampled = 1048576,

    /// <summary>Sent to a reviewer (at a review session).</summary>
    ReviewSent = 2097152,

    /// <summary>Stopped before archiving until its review passes.</summary>
    ReviewWaiting = 4194304,

    /// <summary>Referred to a professional judges' meeting for a trigger other than being four-type (<see cref="CaseRecord.MeetingTrigger"/>).</summary>
    MeetingReferral = 1u << 24,

    /// <summary>Its panel departs from the meeting's majority view: a four-type case goes on to the adjudication committee.</summary>
    DepartsFromMajority = 1u << 25,

    /// <summary>Received as an appeal from a court below (<see cref="Appeals.AppealDesk"/>).</summary>
    Appeal = 1u << 26,

    /// <summary>
    /// Its figures are in the court's statistics (<see cref="Statistics.CaseFold"/>): done (archived, or settled in
    /// mediation) and no longer named by a queue, or counted as it stood when the run ended.
    /// </summary>
    Folded = 1u << 27,

    /// <summary>Carded: its judge's fix (their hours) is not done yet; the file passes once it is and its fix days have passed.</summary>
    ReviewFixing = 1u << 28,

    /// <summary>Carded: its fix days have not passed yet.</summary>
    ReviewFixDays = 1u << 29,

    /// <summary>
    /// Its limit's first warning has been acted on (the conversion request and the extension drawn): once per limit as
    /// filed, extended or converted; the warning of a limit a stage's end moved on draws nothing more.
    /// </summary>
    LimitDrawn = 1u << 30,

    /// <summary>
    /// Its stage's work finished while it was locked: the stage ends (its nodes reached) when it is unlocked, as the
    /// live court records no progress on a locked case.
    /// </summary>
    StageAwaitsUnlock = 1u << 31,
}
