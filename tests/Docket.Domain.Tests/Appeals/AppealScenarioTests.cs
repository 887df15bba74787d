using Docket.Domain.Appeals;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Appeals;

public sealed class AppealScenarioTests
{
    private const string Appeals = """
            appeals:
              to: upper
              transfer_days: { up: 12, back: 8 }
              types:
                - { type: civil, share: 0.2, appeal_type: civil_appeal }
        """;

    [Fact]
    public void A_court_s_appeals_are_read_with_the_court_above_the_transfer_days_and_each_type_s_share_and_appeal_type()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels);

        Assert.Null(scenario.Courts[0].Appeals);
        var appeals = scenario.Courts[1].Appeals!;
        Assert.Equal("upper", appeals.To);
        Assert.Equal(12, appeals.UpDays);
        Assert.Equal(8, appeals.BackDays);
        Assert.Equal([new AppealRoute("civil", 0.2, "civil_appeal")], appeals.Routes);
    }

    [Fact]
    public void An_appeal_to_a_court_the_scenario_does_not_have_names_the_field_and_says_there_is_no_court_above()
    {
        AssertErrorAt(AppealScenarios.TwoLevels.Replace("to: upper", "to: »supreme", StringComparison.Ordinal),
            "courts[1].appeals.to", "'supreme' is not a court of the scenario", "court 'basic' has no court above", "courts: upper, basic");
    }

    [Fact]
    public void A_court_cannot_appeal_to_itself()
    {
        AssertErrorAt(AppealScenarios.TwoLevels.Replace("to: upper", "to: »basic", StringComparison.Ordinal),
            "courts[1].appeals.to", "court 'basic' cannot appeal to itself");
    }

    [Fact]
    public void Courts_that_appeal_in_a_circle_are_rejected()
    {
        var circle = AppealScenarios.TwoLevels.Replace("""
                  - { id: appeals, count: 3, members: { judge: 1 }, accepts: [civil_appeal] }
            """, """
                  - { id: appeals, count: 3, members: { judge: 1 }, accepts: [civil_appeal] }
                appeals:
                  to: »basic
                  transfer_days: { up: 12, back: 8 }
                  types:
                    - { type: civil, share: 0.1, appeal_type: civil }
            """, StringComparison.Ordinal);
        AssertErrorAt(circle, "courts[0].appeals.to", "courts appeal in a circle (upper → basic → upper)");
    }

    [Fact]
    public void An_appeal_type_no_team_of_the_court_above_accepts_is_rejected_at_the_appeal_type()
    {
        AssertErrorAt(AppealScenarios.TwoLevels.Replace("appeal_type: civil_appeal", "appeal_type: »criminal", StringComparison.Ordinal),
            "courts[1].appeals.types[0].appeal_type", "case type 'criminal' is not accepted by any team of court 'upper', the court above");
    }

    [Fact]
    public void An_appealed_type_the_court_never_files_is_rejected()
    {
        AssertErrorAt(AppealScenarios.TwoLevels.Replace("{ type: civil, share: 0.2", "{ type: »civil_appeal, share: 0.2", StringComparison.Ordinal),
            "courts[1].appeals.types[0].type", "case type 'civil_appeal' is not filed in court 'basic'");
    }

    [Fact]
    public void An_unknown_case_type_a_share_over_one_and_a_zero_transfer_are_each_reported_at_their_field()
    {
        AssertErrorAt(AppealScenarios.TwoLevels.Replace("appeal_type: civil_appeal", "appeal_type: »family_appeal", StringComparison.Ordinal),
            "courts[1].appeals.types[0].appeal_type", "'family_appeal' is not a case type");
        AssertErrorAt(AppealScenarios.TwoLevels.Replace("share: 0.2", "share: »1.5", StringComparison.Ordinal),
            "courts[1].appeals.types[0].share");
        AssertErrorAt(AppealScenarios.TwoLevels.Replace("up: 12", "up: »0", StringComparison.Ordinal),
            "courts[1].appeals.transfer_days.up");
    }

    [Fact]
    public void Appeals_without_transfer_days_are_rejected_saying_what_is_missing()
    {
        var result = Load(AppealScenarios.TwoLevels.Replace("      transfer_days: { up: 12, back: 8 }\n", "", StringComparison.Ordinal));
        Assert.Null(result.Scenario);
        Assert.Contains(result.Errors, e => e.Message.Contains("transfer_days", StringComparison.Ordinal) && e.Message.Contains("courts[1].appeals", StringComparison.Ordinal));
    }

    [Fact]
    public void Appeals_at_the_top_level_of_a_single_court_are_rejected_saying_they_belong_in_a_court_of_courts()
    {
        var single = Minimal + "\n" + Appeals.Replace("    appeals:", "»appeals:", StringComparison.Ordinal).Replace("\n    ", "\n", StringComparison.Ordinal);
        AssertErrorAt(single, "'appeals' sends cases to a court above", "inside a court of 'courts'");
    }
}
