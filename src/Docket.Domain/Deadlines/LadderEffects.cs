namespace Docket.Domain.Deadlines;

/// <summary>What a step of the <see cref="EscalationLadder"/> brings a case besides its warning (<see cref="EscalationLadder.Brings"/>).</summary>
[Flags]
public enum LadderEffects : byte
{
    None = 0,

    /// <summary>The president's step: the node, and so the case, is overdue.</summary>
    Overdue = 1,

    /// <summary>The president's step at an important node (<see cref="ProcessNode.Locks"/>): the case is locked until unlocked.</summary>
    Lock = 2,

    /// <summary>The discipline office's step: the case is referred.</summary>
    Referral = 4,
}
