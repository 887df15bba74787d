namespace Docket.Grains.Live;

/// <summary>What reporting a node does to a case: the stages it completes, the nodes it reaches, whether it closes the case.</summary>
internal sealed record ProgressStep(int FromStage, int ToStage, string[] Stages, string[] Nodes, bool Closes);
