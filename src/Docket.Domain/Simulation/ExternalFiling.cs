using Docket.Domain.Supervision;

namespace Docket.Domain.Simulation;

/// <summary>
/// A filing given to <see cref="CourtSimulation"/> from outside instead of its Poisson intake (a what-if on a real
/// court's intake): when, of which case type (an index into the scenario's types), flagged or not, of which risk, and
/// the seed its assignment draw takes — the live court's, of the epoch the case was filed in, when the ledger reveals
/// it (<see cref="Assignment.AssignmentDraw"/>: with the court's stream name, a case's draw is then the live court's
/// over whatever teams are eligible); null: the run's seed.
/// </summary>
public sealed record ExternalFiling(double Day, int Type, bool Flagged, RiskLevel Risk, ulong? DrawSeed = null);
