namespace Docket.Domain.Tests.Appeals;

/// <summary>Scenarios with appeals between court levels, for the appeal tests.</summary>
internal static class AppealScenarios
{
    /// <summary>
    /// Three basic courts appealing a share of their civil closures to one upper court, which also files cases of its
    /// own and is listed first (so appeals go to an earlier court in court order).
    /// </summary>
    public const string TwoLevels = """
        name: two-levels
        seed: 11
        days: 400
        warmup_days: 60
        calendar: { days_per_week: 5, hours_per_day: 8 }
        case_types:
          - id: civil
            effort: { judge: { dist: exponential, mean_hours: 3 } }
          - id: criminal
            effort: { judge: { dist: exponential, mean_hours: 4 } }
          - id: civil_appeal
            effort: { wait_answer: { dist: fixed, days: 3 }, judge: { dist: exponential, mean_hours: 5 } }
        courts:
          - id: upper
            intake:
              - { type: civil, per_year: 100 }
            teams:
              - { id: civil, count: 1, members: { judge: 1 }, accepts: [civil] }
              - { id: appeals, count: 3, members: { judge: 1 }, accepts: [civil_appeal] }
          - id: basic
            count: 3
            intake:
              - { type: civil, per_year: 600 }
              - { type: criminal, per_year: 100 }
            teams:
              - { id: civil, count: 2, members: { judge: 1 }, accepts: [civil, criminal] }
            appeals:
              to: upper
              transfer_days: { up: 12, back: 8 }
              types:
                - { type: civil, share: 0.2, appeal_type: civil_appeal }
        """;
}
