namespace Docket.Domain.Simulation;

public enum CaseStatus : byte
{
    InMediation,
    Mediated,
    Waiting,
    InProgress,
    Closed,
}
