namespace Docket.Domain.Assignment;

/// <summary>A team as the assignment rules see it.</summary>
/// <param name="Accepts">Indices of the case types the team accepts.</param>
/// <param name="Cap">Most pending cases per category (specialty), or null for no cap.</param>
/// <param name="Coefficient">Sum of members' human-resource coefficients.</param>
/// <param name="Judges">Members who hear cases.</param>
/// <param name="Leader">Led by a president, vice-president or division head.</param>
/// <param name="Chief">Led by the president (the chief judge: half as many cards in a deck).</param>
public sealed record BoardTeam(string Id, IReadOnlyList<int> Accepts, int? Cap, double Coefficient, int Judges, bool Leader, bool Chief)
{
    /// <summary>
    /// Categories of <see cref="Accepts"/> the team does not take at the start: specialties it may move to
    /// (<see cref="TeamBoard.SetSpecialty"/>, Linshu's moves in simulation). Empty by default.
    /// </summary>
    public IReadOnlyList<int> Standby { get; init; } = [];
}
