using Docket.Domain.Quality;
using Docket.Domain.Staffing;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

/// <summary><c>quality_review:</c> (docs/scenarios.md): read with its defaults, and each bad value reported at its node, naming the field.</summary>
public sealed class ScenarioQualityReviewTests
{
    private const string Court = """
        name: v
        case_types:
          - { id: a, category: civil, effort: { judge: { dist: exponential, mean_hours: 10 } } }
          - { id: b, category: family, effort: { judge: { dist: exponential, mean_hours: 10 } } }
        intake: [ { type: a, per_year: 100 }, { type: b, per_year: 50 } ]
        teams: [ { id: t, count: 4, members: { judge: 1 }, accepts: [a, b] } ]
        """;

    [Fact]
    public void Every_key_is_read()
    {
        var spec = LoadValid(Court + """

            quality_review:
              reviewer: vice_president
              review_hours: { dist: fixed, hours: 3 }
              sessions_per_year: 4
              sample_share: 0.1
              categories: [family, a]
              findings: { general: 0.2, serious: 0.05 }
              findings_by_type: { b: { general: 0.3, serious: 0.1 } }
              after_limit_factor: 2
              repeat_window_days: 180
              yellow_fix_days: 10
              red_fix_days: 20
              yellow_fix_hours: { dist: fixed, hours: 6 }
              red_fix_hours: { dist: exponential, mean_hours: 12 }
            """).Courts[0].QualityReview!;

        Assert.Equal(RoleCatalog.VicePresident, spec.Reviewer);
        Assert.Equal(3.0, spec.ReviewHours.MeanHours);
        Assert.Equal(4, spec.SessionsPerYear);
        Assert.Equal(0.1, spec.SampleShare);
        Assert.Equal(["family", "a"], spec.Categories);
        Assert.Equal(new FindingOdds(0.2, 0.05), spec.OddsOf("a"));
        Assert.Equal(new FindingOdds(0.3, 0.1), spec.OddsOf("b"));
        Assert.Equal(2, spec.AfterLimitFactor);
        Assert.Equal(180, spec.RepeatWindowDays);
        Assert.Equal(10, spec.FixDays(QualityCard.Yellow));
        Assert.Equal(20, spec.FixDays(QualityCard.Red));
        Assert.Equal(6.0, spec.FixHours(QualityCard.Yellow).MeanHours);
        Assert.Equal(12.0, spec.FixHours(QualityCard.Red).MeanHours);
    }

    [Fact]
    public void An_empty_mapping_takes_the_documented_defaults_and_no_key_means_no_review()
    {
        var spec = LoadValid(Court + "\nquality_review: {}").Courts[0].QualityReview!;

        Assert.Equal(RoleCatalog.DivisionHead, spec.Reviewer);
        Assert.Equal(2, spec.SessionsPerYear);
        Assert.Equal(0.05, spec.SampleShare);
        Assert.Empty(spec.Categories);
        Assert.Equal(FindingOdds.Default, spec.OddsOf("a"));
        Assert.Equal(1, spec.AfterLimitFactor);
        Assert.Equal(365, spec.RepeatWindowDays);
        Assert.Equal((4.0, 8.0), (spec.YellowFixHours.MeanHours, spec.RedFixHours.MeanHours));
        Assert.Null(LoadValid(Court).Courts[0].QualityReview);
    }

    [Fact]
    public void An_unknown_key_is_named_with_the_expected_ones()
    {
        AssertErrorAt(Court + "\nquality_review: { »share: 0.1 }", "unknown key 'share' in quality_review", "sample_share");
    }

    [Fact]
    public void A_category_that_is_neither_a_type_nor_a_category_is_refused_at_its_item()
    {
        AssertErrorAt(Court + "\nquality_review: { categories: [civil, »criminal] }", "quality_review.categories[1]", "'criminal' is neither a case type nor a category");
    }

    [Fact]
    public void Findings_over_one_in_all_are_refused_at_serious()
    {
        AssertErrorAt(Court + "\nquality_review: { findings: { general: 0.7, serious: »0.5 } }", "quality_review.findings.serious", "together exceed 1");
    }

    [Fact]
    public void A_finding_share_outside_zero_to_one_names_the_field()
    {
        AssertErrorAt(Court + "\nquality_review: { findings: { general: »1.5, serious: 0 } }", "quality_review.findings.general");
    }

    [Fact]
    public void Findings_of_an_unknown_type_are_refused_at_its_key()
    {
        AssertErrorAt(Court + "\nquality_review: { findings_by_type: { »c: { general: 0.1, serious: 0 } } }", "quality_review.findings_by_type.c", "'c' is not a case type");
    }

    [Fact]
    public void A_reviewer_role_the_court_has_none_of_is_refused()
    {
        AssertErrorAt(Court + """

            supervision: { staff: { vice_president: 0 } }
            quality_review: { reviewer: »vice_president }
            """, "quality_review.reviewer", "has none");
    }

    [Fact]
    public void A_reviewer_that_is_not_a_supervising_role_is_refused()
    {
        AssertErrorAt(Court + "\nquality_review: { reviewer: »judge }", "quality_review.reviewer", "division_head, vice_president, president");
    }

    [Fact]
    public void A_negative_fix_hours_names_the_field()
    {
        AssertErrorAt(Court + "\nquality_review: { red_fix_hours: { dist: fixed, hours: »-1 } }", "quality_review.red_fix_hours.hours");
    }

    [Fact]
    public void Sessions_per_year_below_one_is_refused()
    {
        AssertErrorAt(Court + "\nquality_review: { sessions_per_year: »0 }", "quality_review.sessions_per_year");
    }

    [Fact]
    public void At_the_top_level_of_the_multi_court_form_it_belongs_inside_a_court()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            »quality_review: {}
            courts:
              - id: c
                intake: [ { type: a, per_year: 10 } ]
                teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "'quality_review' cannot be at the top level when 'courts' is given");
    }

    [Fact]
    public void Inside_a_court_of_the_multi_court_form_it_is_read_for_that_court()
    {
        var scenario = LoadValid("""
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            courts:
              - id: c
                intake: [ { type: a, per_year: 10 } ]
                teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
                quality_review: { sample_share: 0.2 }
              - id: d
                intake: [ { type: a, per_year: 10 } ]
                teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """);

        Assert.Equal(0.2, scenario.Courts[0].QualityReview!.SampleShare);
        Assert.Null(scenario.Courts[1].QualityReview);
    }
}
