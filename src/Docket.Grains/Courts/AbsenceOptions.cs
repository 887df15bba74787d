using Docket.Domain.Staffing;

namespace Docket.Grains;

/// <summary>The <c>Docket:Absences</c> configuration section: how long an absence recorded through the service may last.</summary>
public sealed class AbsenceOptions
{
    public const string Section = "Docket:Absences";

    /// <summary>The longest absence recorded, in days from its start to its end (<see cref="AbsenceRule.Refuse"/>).</summary>
    public double MaxDays { get; set; } = AbsenceRule.DefaultMaxDays;
}
