namespace Docket.Domain.Deadlines;

/// <summary>
/// What reporting a node does to a case: the effort stages it completes (from <see cref="FromStage"/> through
/// <see cref="ToStage"/>), the process nodes it reaches, and whether it closes the case.
/// </summary>
public sealed record ProgressStep(int FromStage, int ToStage, string[] Stages, string[] Nodes, bool Closes);
