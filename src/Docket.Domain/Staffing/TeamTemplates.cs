namespace Docket.Domain.Staffing;

/// <summary>The team layouts of the reform cases (docs/domain.md), by the name courts give them.</summary>
public static class TeamTemplates
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> All { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            // Xicheng fast track (case 153): 1 judge + 2 assistants + 1 clerk.
            ["1+2+1"] = Members((RoleCatalog.Judge, 1), (RoleCatalog.Assistant, 2), (RoleCatalog.Clerk, 1)),
            // Xicheng specialized (case 153): 1 judge + 1 assistant.
            ["1+1"] = Members((RoleCatalog.Judge, 1), (RoleCatalog.Assistant, 1)),
            // Jinghai fast track (case 156): 1 judge + 1 clerk.
            ["1+1-clerk"] = Members((RoleCatalog.Judge, 1), (RoleCatalog.Clerk, 1)),
            // Xicheng's former layout: 1 judge + 1 assistant + 1 clerk.
            ["1+1+1"] = Members((RoleCatalog.Judge, 1), (RoleCatalog.Assistant, 1), (RoleCatalog.Clerk, 1)),
            // Yinzhou fast track (case 159): 1 judge + 2 assistants + 2 clerks.
            ["1+2+2"] = Members((RoleCatalog.Judge, 1), (RoleCatalog.Assistant, 2), (RoleCatalog.Clerk, 2)),
            // Yinzhou complex (case 159): senior judge + newly appointed judge + 2 clerks.
            ["1+1+2"] = Members((RoleCatalog.Judge, 2), (RoleCatalog.Clerk, 2)),
            // Yinzhou leadership (case 159): division head or president + new judge + assistant + clerk.
            ["1+1+1+1"] = Members((RoleCatalog.DivisionHead, 1), (RoleCatalog.Judge, 1), (RoleCatalog.Assistant, 1), (RoleCatalog.Clerk, 1)),
            // Xicheng enforcement (case 153): 1 judge + 2 assistants + bailiffs (the seed gives no number; 2).
            ["enforcement"] = Members((RoleCatalog.Judge, 1), (RoleCatalog.Assistant, 2), (RoleCatalog.Bailiff, 2)),
            // Yantian "dual drive" core team (case 167): judge + assistant; non-core tasks go to a shared centre.
            ["core"] = Members((RoleCatalog.Judge, 1), (RoleCatalog.Assistant, 1)),
        };

    private static Dictionary<string, int> Members(params (string Role, int Count)[] members) =>
        members.ToDictionary(m => m.Role, m => m.Count);
}
