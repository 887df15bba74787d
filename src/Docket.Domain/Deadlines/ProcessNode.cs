namespace Docket.Domain.Deadlines;

/// <summary>
/// A process node of a case type (Yancheng's 210 nodes, Guangzhou's 42): reached when the case's stage named
/// <see cref="Stage"/> ends (or at filing / closure for the built-in nodes <c>filing</c> and <c>closure</c>), due
/// <see cref="WithinDays"/> after the node <see cref="From"/> is reached. An ordinary node gets a reminder and a
/// warning; an important node (<see cref="Locks"/>) is a checkpoint that locks the whole case when overdue.
/// </summary>
public sealed record ProcessNode(string Id, string? Stage, string? From, double? WithinDays, bool Locks)
{
    public const string Filing = "filing";
    public const string Closure = "closure";
}
