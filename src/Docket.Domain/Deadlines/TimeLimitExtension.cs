namespace Docket.Domain.Deadlines;

/// <summary>
/// Statutory time-limit extensions: when the limit warning comes (a month before), this share of the still-open
/// cases gets <see cref="Days"/> more, approved by the president (case 160: only the president approves). The
/// president grants at most <see cref="Max"/> of a case's extensions; one beyond them needs the higher court's
/// approval, which takes <see cref="HigherCourtDays"/> with the case's clock running (<see cref="Route"/>).
/// </summary>
public sealed record TimeLimitExtension(double Share, double Days)
{
    /// <summary>How many extensions of a case the president grants; null: no cap.</summary>
    public int? Max { get; init; }

    /// <summary>How long the higher court takes to approve an extension beyond <see cref="Max"/>; null: none is granted beyond it.</summary>
    public double? HigherCourtDays { get; init; }

    /// <summary>Who approves a case's next extension when it has had <paramref name="granted"/>.</summary>
    public ExtensionApprover Route(int granted) =>
        Max is not { } max || granted < max ? ExtensionApprover.President
        : HigherCourtDays is not null ? ExtensionApprover.HigherCourt
        : ExtensionApprover.None;
}

/// <summary>Who approves a case's next extension (<see cref="TimeLimitExtension.Route"/>).</summary>
public enum ExtensionApprover
{
    /// <summary>Within the cap: the court's president.</summary>
    President,

    /// <summary>Beyond the cap: the higher court, after its wait.</summary>
    HigherCourt,

    /// <summary>Beyond the cap with no higher court's approval modelled: no more extensions.</summary>
    None,
}
