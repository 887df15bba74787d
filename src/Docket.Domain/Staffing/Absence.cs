namespace Docket.Domain.Staffing;

/// <summary>A team's judge away (leave, illness) from <see cref="FromDay"/> to <see cref="ToDay"/> (simulation days).</summary>
public sealed record Absence(string Team, double FromDay, double ToDay, string Reason);
