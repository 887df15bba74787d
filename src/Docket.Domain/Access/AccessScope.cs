namespace Docket.Domain.Access;

/// <summary>
/// Where an act falls: the court, the division (team group) and team of the case or team it concerns, and for a
/// designation the division it moves to. A null division or team: the case has none yet (it waits for a team).
/// </summary>
public readonly record struct AccessScope(string Court, string? Division = null, string? Team = null, string? ToDivision = null);
