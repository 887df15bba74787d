namespace Docket.Domain.Planning;

/// <summary>
/// What the search found: the smallest count meeting every goal (null when even <see cref="Max"/> does not), the
/// candidate one below it, the best candidate when none meets, and every candidate tried, by count.
/// </summary>
public sealed record StaffingSearchResult(
    int Min,
    int Max,
    StaffingCandidate? Answer,
    StaffingCandidate? Below,
    StaffingCandidate Best,
    IReadOnlyList<StaffingCandidate> Evaluated,
    bool NotMonotone)
{
    public bool Found => Answer is not null;
}
