namespace Docket.Domain.Deadlines;

/// <summary>Why a report of a node was refused.</summary>
public enum ProgressRefusal
{
    /// <summary>Allowed.</summary>
    None,

    /// <summary>The case type has no stage or node by that name.</summary>
    Unknown,

    /// <summary>Not now: the case waits for a team, the node was already reached, or work before it is not done.</summary>
    OutOfOrder,
}
