using Docket.Domain.Courts;

namespace Docket.Grains;

/// <summary>
/// Told of each decision a case's grain makes (refused or not), in the grain's turn, before it goes to the court.
/// The service registers none; a test registers one to see where decisions are made, or to hold one up and show that
/// other cases' commands do not wait for it.
/// </summary>
public interface ICaseDecisionListener
{
    Task DecidedAsync(string caseId, CaseDecision decision);
}
