namespace Docket.Domain.Deadlines;

/// <summary>
/// Statutory time-limit extensions: when the limit warning comes (a month before), this share of the still-open
/// cases gets <see cref="Days"/> more, approved by the president (case 160: only the president approves).
/// </summary>
public sealed record TimeLimitExtension(double Share, double Days);
