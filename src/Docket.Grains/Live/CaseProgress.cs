using Docket.Abstractions.Live;
using Docket.Domain.Deadlines;

namespace Docket.Grains.Live;

/// <summary>A live case's report checked by the domain's <see cref="NodeOrder"/>, its refusal said as an outcome.</summary>
internal static class CaseProgress
{
    public static (ProgressStep? Step, Outcome Outcome, string? Error) Resolve(LiveCourt court, LiveCase c, string name)
    {
        var type = court.TypeIndex(c.Type);
        var (step, refusal, error) = NodeOrder.Resolve(court.CaseTypes[type], court.Layout.NodeCatalogs[type], court.Layout.ClosingStage[type],
            c.StagesDone, c.Status != LiveCase.Waiting, c.Status == LiveCase.Pending, c.Id, name);
        return (step, refusal switch
        {
            ProgressRefusal.None => Outcome.Ok,
            ProgressRefusal.Unknown => Outcome.Invalid,
            _ => Outcome.Conflict,
        }, error);
    }

    public static string? NextStage(LiveCourt court, LiveCase c) => NodeOrder.NextStage(court.CaseTypes[court.TypeIndex(c.Type)], c.StagesDone);
}
