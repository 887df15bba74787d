using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>Where <see cref="CourtState.Decide"/> sends a case: a court team index (-1: none now), the policy, the draw.</summary>
public sealed record Decision(int Pool, int Team, string Policy, string[] Eligible, LedgerDraw? Draw);
