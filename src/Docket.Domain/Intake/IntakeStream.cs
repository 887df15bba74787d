namespace Docket.Domain.Intake;

/// <summary>
/// Disputes arriving as a Poisson process: <see cref="PerYear"/> a year, scaled month by month by
/// <see cref="Seasonality"/> (12 factors, mean 1), split among case types by <see cref="Mix"/> (the division head's
/// simple/complex split, case 156), some of them sent first to pre-litigation mediation.
/// </summary>
public sealed record IntakeStream(
    IReadOnlyList<TypeShare> Mix,
    double PerYear,
    IReadOnlyList<double>? Seasonality,
    MediationSpec? Mediation);

public sealed record TypeShare(string Type, double Share);

/// <summary>Pre-litigation mediation (case 159 stage 1): the share sent, the share settled, and how long it takes.</summary>
public sealed record MediationSpec(double Share, double SuccessRate, Cases.EffortDistribution DurationDays);
