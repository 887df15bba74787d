namespace Docket.Domain.Deadlines;

/// <summary>Who is told, in order, as a node's deadline comes and goes (Guangzhou, case 166).</summary>
public enum EscalationLevel
{
    /// <summary>Before the deadline: the judge is warned.</summary>
    Judge,

    /// <summary>Half-way through the warning time: the division head.</summary>
    DivisionHead,

    /// <summary>At the deadline: the president; the case is flagged overdue (and locked at an important node).</summary>
    President,

    /// <summary>Still no progress after escalation: the discipline office.</summary>
    Discipline,
}
