using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>A live case's report checked by the domain's <see cref="NodeOrder"/>, its refusal said as an outcome.</summary>
public static class CaseProgress
{
    public static (ProgressStep? Step, Outcome Outcome, string? Error) Resolve(Court court, CourtCase c, string name)
    {
        var type = court.TypeIndex(c.Type);
        var (step, refusal, error) = NodeOrder.Resolve(court.CaseTypes[type], court.Layout.NodeCatalogs[type], court.Layout.ClosingStage[type],
            c.StagesDone, c.Status != CourtCaseStatus.Waiting, c.Status == CourtCaseStatus.Pending, c.Id, name);
        return (step, refusal switch
        {
            ProgressRefusal.None => Outcome.Ok,
            ProgressRefusal.Unknown => Outcome.Invalid,
            _ => Outcome.Conflict,
        }, error);
    }

    public static string? NextStage(Court court, CourtCase c) => NodeOrder.NextStage(court.CaseTypes[court.TypeIndex(c.Type)], c.StagesDone);
}
