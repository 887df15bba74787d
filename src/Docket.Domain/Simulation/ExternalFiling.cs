using Docket.Domain.Supervision;

namespace Docket.Domain.Simulation;

/// <summary>
/// A filing given to <see cref="CourtSimulation"/> from outside instead of its Poisson intake (a what-if on a real
/// court's intake): when, of which case type (an index into the scenario's types), flagged or not, of which risk.
/// </summary>
public sealed record ExternalFiling(double Day, int Type, bool Flagged, RiskLevel Risk);
