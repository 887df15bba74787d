using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Supervision;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>
/// Issue 3's keys: process nodes, closes_after, risk, extension (case types); supervision (courts); balance and scores
/// (top level). Each loads into the model, and each rule gives an error at the offending node (marked »).
/// </summary>
public class ScenarioSupervisionTests
{
    /// <summary>A scenario whose type 'a' has the stages nodes refer to, with extra case-type lines and top-level lines.</summary>
    private static string WithNodes(string caseTypeLines, string more = "") => $$"""
        name: v
        case_types:
          - id: a
            time_limit_days: 90
            effort:
              service: { dist: fixed, hours: 1 }
              scheduling: { dist: fixed, hours: 1 }
              wait_hearing: { dist: fixed, days: 5 }
              judge: { dist: fixed, hours: 4 }
              publishing: { dist: fixed, hours: 0.5 }
              archiving: { dist: fixed, hours: 1 }
        {{Indent(caseTypeLines)}}
        teams: [ { id: t, members: { judge: 1, clerk: 1 }, accepts: [a] } ]
        {{more}}
        """;

    private static string Indent(string lines) =>
        string.Join("\n", lines.Split('\n').Select(l => "    " + l));

    private const string Types = """
        case_types:
          - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
        """;

    // ---- case types: nodes, closes_after, risk, extension ------------------------------------------------------

    [Fact]
    public void Nodes_closes_after_risk_and_extension_load_into_the_case_type()
    {
        var s = LoadValid(WithNodes("""
            closes_after: judge
            nodes:
              - { id: hearing_scheduled, stage: scheduling, from: filing, within_days: 7, lock: true }
              - { id: judgment_online, stage: publishing, from: closure, within_days: 7, lock: true }
              - { id: served, stage: service, within_days: 15 }
              - { id: heard, stage: wait_hearing, from: hearing_scheduled, within_days: 30 }
            risk: { ordinary: 0.3, larger: 0.007, major: 0.0007 }
            extension: { share: 0.5, days: 90 }
            """));
        var type = s.CaseTypes[0];
        Assert.Equal("judge", type.ClosesAfter);
        Assert.Equal(
            [
                new ProcessNode("hearing_scheduled", "scheduling", "filing", 7, true),
                new ProcessNode("judgment_online", "publishing", "closure", 7, true),
                new ProcessNode("served", "service", "filing", 15, false),
                new ProcessNode("heard", "wait_hearing", "hearing_scheduled", 30, false),
            ],
            type.Nodes);
        Assert.Equal(new RiskShares(0.3, 0.007, 0.0007), type.Risk);
        Assert.Equal(new TimeLimitExtension(0.5, 90), type.Extension);
        // The engine's catalog accepts what the loader accepts.
        Assert.Equal(4, new NodeCatalog(type).Nodes.Count);
    }

    [Fact]
    public void Without_the_new_keys_a_case_type_has_no_nodes_risk_or_extension()
    {
        var type = LoadValid(Minimal).CaseTypes[0];
        Assert.Empty(type.Nodes);
        Assert.Null(type.ClosesAfter);
        Assert.Equal(RiskShares.None, type.Risk);
        Assert.Null(type.Extension);
        var partial = LoadValid(WithNodes("risk: { larger: 0.1 }")).CaseTypes[0];
        Assert.Equal(new RiskShares(0, 0.1, 0), partial.Risk);
    }

    [Fact]
    public void A_node_relative_to_an_unknown_node_is_an_error_at_its_from()
    {
        AssertErrorAt(WithNodes("""
            nodes:
              - { id: served, stage: service, within_days: 15 }
              - { id: heard, stage: judge, from: »hearing, within_days: 30 }
            """), "case_types[0].nodes[1].from: node 'heard' is relative to unknown node 'hearing' (filing, closure or a node of the type: served)");
    }

    [Fact]
    public void A_cycle_of_nodes_is_one_error_naming_the_cycle()
    {
        var error = AssertErrorAt(WithNodes("""
            nodes:
              - { id: a, stage: service, from: »b, within_days: 1 }
              - { id: b, stage: archiving, from: c, within_days: 1 }
              - { id: c, stage: judge, from: a, within_days: 1 }
              - { id: d, stage: publishing, from: c, within_days: 1 }
            """), "case_types[0].nodes[0].from: nodes a → b → c → a form a cycle");
        var result = Load(Unmark(WithNodes("""
            nodes:
              - { id: a, stage: service, from: »b, within_days: 1 }
              - { id: b, stage: archiving, from: c, within_days: 1 }
              - { id: c, stage: judge, from: a, within_days: 1 }
              - { id: d, stage: publishing, from: c, within_days: 1 }
            """)).Text);
        // One error for the cycle, none for the stage order of its nodes (d, outside it, is after c: fine).
        Assert.Equal([error], result.Errors);
        AssertErrorAt(WithNodes("""
            nodes:
              - { id: self, stage: service, from: »self, within_days: 1 }
            """), "nodes self → self form a cycle");
    }

    [Theory]
    [InlineData("{ id: n, stage: service, within_days: »-3 }", "case_types[0].nodes[0].within_days: must be greater than 0 (got -3)")]
    [InlineData("{ id: n, stage: service, within_days: »0 }", "case_types[0].nodes[0].within_days: must be greater than 0 (got 0)")]
    [InlineData("»{ id: n, stage: service }", "case_types[0].nodes[0]: 'within_days' is required (the node's time limit in days, or within_working_days)")]
    [InlineData("»{ stage: service, within_days: 1 }", "case_types[0].nodes[0]: 'id' is required")]
    [InlineData("»{ id: n, within_days: 1 }", "case_types[0].nodes[0]: 'stage' is required")]
    [InlineData("{ id: n, stage: »hearing, within_days: 1 }", "case_types[0].nodes[0].stage: 'hearing' is not an effort key of case type 'a' (a node is reached when its stage ends; effort: service, scheduling, wait_hearing, judge, publishing, archiving)")]
    [InlineData("{ id: »filing, stage: service, within_days: 1 }", "case_types[0].nodes[0].id: 'filing' is a built-in node")]
    [InlineData("{ id: »closure, stage: archiving, within_days: 1 }", "case_types[0].nodes[0].id: 'closure' is a built-in node")]
    [InlineData("{ id: n, stage: service, within_days: 1, lock: »yes }", "case_types[0].nodes[0].lock: expected true or false (got 'yes')")]
    [InlineData("{ id: n, stage: service, within_days: 1, »locks: true }", "unknown key 'locks' in case_types[0].nodes[0] (expected one of: id, stage, from, within_days, within_working_days, lock)")]
    [InlineData("»served", "case_types[0].nodes[0]: expected a mapping")]
    public void Node_field_rules(string node, string message)
    {
        AssertErrorAt(WithNodes($"nodes:\n  - {node}"), message);
    }

    [Fact]
    public void Node_ids_are_unique_within_a_type_but_not_across_types()
    {
        AssertErrorAt(WithNodes("""
            nodes:
              - { id: n, stage: service, within_days: 1 }
              - { id: »n, stage: judge, within_days: 1 }
            """), "case_types[0].nodes[1].id: duplicate node id 'n' in case type 'a' (first at line");
        LoadValid("""
            name: v
            case_types:
              - { id: a, nodes: [ { id: n, stage: judge, within_days: 1 } ], effort: { judge: { dist: fixed, hours: 1 } } }
              - { id: b, nodes: [ { id: n, stage: judge, within_days: 1 } ], effort: { judge: { dist: fixed, hours: 1 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a, b] } ]
            """);
    }

    [Fact]
    public void A_node_due_after_closure_must_be_reached_at_or_after_the_closing_stage()
    {
        AssertErrorAt(WithNodes("""
            closes_after: judge
            nodes:
              - { id: online, stage: »scheduling, from: closure, within_days: 7 }
            """), "case_types[0].nodes[0].stage: node 'online' is due after closure but its stage 'scheduling' comes before the case closes (when 'judge' ends");
        // Without closes_after the case closes after its last stage.
        AssertErrorAt(WithNodes("""
            nodes:
              - { id: online, stage: »publishing, from: closure, within_days: 7 }
            """), "node 'online' is due after closure but its stage 'publishing' comes before the case closes (when 'archiving' ends");
        var s = LoadValid(WithNodes("""
            closes_after: judge
            nodes:
              - { id: closed, stage: judge, from: closure, within_days: 1 }
              - { id: online, stage: publishing, from: closure, within_days: 7 }
            """));
        Assert.Equal(2, s.CaseTypes[0].Nodes.Count);
    }

    [Fact]
    public void A_node_due_after_another_node_must_have_a_later_stage()
    {
        AssertErrorAt(WithNodes("""
            nodes:
              - { id: heard, stage: judge, within_days: 30 }
              - { id: served, stage: »service, from: heard, within_days: 5 }
            """), "case_types[0].nodes[1].stage: node 'served' is due after node 'heard' but its stage 'service' does not come after that node's stage 'judge' in effort order");
        AssertErrorAt(WithNodes("""
            nodes:
              - { id: heard, stage: judge, within_days: 30 }
              - { id: again, stage: »judge, from: heard, within_days: 5 }
            """), "node 'again' is due after node 'heard' but its stage 'judge' does not come after");
    }

    [Fact]
    public void Closes_after_must_be_an_effort_key_of_the_type()
    {
        AssertErrorAt(WithNodes("closes_after: »hearing"),
            "case_types[0].closes_after: 'hearing' is not an effort key of case type 'a' (effort: service, scheduling, wait_hearing, judge, publishing, archiving)");
        Assert.Equal("wait_hearing", LoadValid(WithNodes("closes_after: wait_hearing")).CaseTypes[0].ClosesAfter);
    }

    [Fact]
    public void Too_many_nodes_for_the_engine_are_an_error()
    {
        var nodes = string.Join("\n", Enumerable.Range(0, NodeCatalog.MaxNodes + 1).Select(i => $"  {(i == 0 ? "»" : "")}- {{ id: n{i}, stage: judge, within_days: 1 }}"));
        AssertErrorAt(WithNodes("nodes:\n" + nodes),
            $"case_types[0].nodes: a case type may have at most {NodeCatalog.MaxNodes} process nodes (got {NodeCatalog.MaxNodes + 1})");
    }

    [Theory]
    [InlineData("risk: { ordinary: »1.5 }", "case_types[0].risk.ordinary: must be between 0 and 1 (got 1.5)")]
    [InlineData("risk: { larger: »-0.1 }", "case_types[0].risk.larger: must be between 0 and 1 (got -0.1)")]
    [InlineData("risk: »{ ordinary: 0.6, larger: 0.3, major: 0.2 }", "case_types[0].risk: the shares of the risk levels must sum to at most 1 (got 1.1)")]
    [InlineData("risk: { »minor: 0.1 }", "unknown key 'minor' in case_types[0].risk (expected one of: ordinary, larger, major)")]
    [InlineData("risk: »0.3", "case_types[0].risk: expected a mapping")]
    [InlineData("extension: { share: »1.5, days: 90 }", "case_types[0].extension.share: must be between 0 and 1 (got 1.5)")]
    [InlineData("extension: { share: 0.5, days: »0 }", "case_types[0].extension.days: must be greater than 0 (got 0)")]
    [InlineData("extension: »{ share: 0.5 }", "case_types[0].extension: 'days' is required")]
    [InlineData("extension: { share: 0.5, days: 30, »times: 2 }", "unknown key 'times' in case_types[0].extension (expected one of: share, days, max, higher_court_days)")]
    [InlineData("extension: { share: 0.5, days: 30, max: »-1 }", "case_types[0].extension.max: must be at least 0 (got -1)")]
    [InlineData("extension: { share: 0.5, days: 30, max: »1.5 }", "case_types[0].extension.max: must be a whole number (got 1.5)")]
    [InlineData("extension: { share: 0.5, days: 30, max: 1, higher_court_days: »0 }", "case_types[0].extension.higher_court_days: must be greater than 0 (got 0)")]
    [InlineData("extension: { share: 0.5, days: 30, »higher_court_days: 20 }", "case_types[0].extension.higher_court_days: the higher court approves the extensions beyond 'max': set extension.max (the extensions the president grants)")]
    [InlineData("conversion: { share: »2, approval_share: 0.5, limit_days: 180 }", "case_types[0].conversion.share: must be between 0 and 1 (got 2)")]
    [InlineData("conversion: { share: 0.1, approval_share: »-0.5, limit_days: 180 }", "case_types[0].conversion.approval_share: must be between 0 and 1 (got -0.5)")]
    [InlineData("conversion: { share: 0.1, approval_share: 0.5, limit_days: »0 }", "case_types[0].conversion.limit_days: must be greater than 0 (got 0)")]
    [InlineData("conversion: { share: 0.1, approval_share: 0.5, approver: »judge, limit_days: 180 }", "case_types[0].conversion.approver: must be one of: division_head, president (got 'judge')")]
    [InlineData("conversion: »{ share: 0.1, limit_days: 180 }", "case_types[0].conversion: 'approval_share' is required (the share of conversion requests approved)")]
    [InlineData("conversion: { share: 0.1, approval_share: 0.5, limit_days: 180, »days: 1 }", "unknown key 'days' in case_types[0].conversion (expected one of: share, approval_share, approver, limit_days)")]
    public void Risk_extension_and_conversion_rules(string field, string message)
    {
        AssertErrorAt(WithNodes(field), message);
    }

    [Fact]
    public void A_conversion_and_an_extension_cap_load_into_the_case_type()
    {
        var type = LoadValid(WithNodes("""
            extension: { share: 0.5, days: 90, max: 1, higher_court_days: 20 }
            conversion: { share: 0.05, approval_share: 0.8, approver: president, limit_days: 180 }
            """)).CaseTypes[0];
        Assert.Equal(new TimeLimitExtension(0.5, 90) { Max = 1, HigherCourtDays = 20 }, type.Extension);
        Assert.Equal(new ProcedureConversion(0.05, 0.8, "president", 180), type.Conversion);
        // The approver defaults to a division head; no conversion without the key.
        Assert.Equal("division_head", LoadValid(WithNodes("conversion: { share: 0.05, approval_share: 0.8, limit_days: 180 }")).CaseTypes[0].Conversion!.Approver);
        Assert.Null(LoadValid(Minimal).CaseTypes[0].Conversion);
    }

    [Fact]
    public void A_conversion_needs_a_statutory_limit_and_a_court_with_its_approver()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, »conversion: { share: 0.1, approval_share: 0.5, limit_days: 180 }, effort: { judge: { dist: fixed, hours: 1 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "case_types[0].conversion: a conversion to ordinary procedure re-sets the statutory limit: the case type needs 'time_limit_days'");
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, time_limit_days: 90, conversion: { share: 0.1, approval_share: 0.5, limit_days: 180 }, effort: { judge: { dist: fixed, hours: 1 } } }
            intake: [ { type: a, per_year: 10 } ]
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            supervision: { staff: { division_head: »0 } }
            """, "supervision.staff.division_head: conversions to ordinary procedure are approved by the division head but court 'v' has none (case type 'a' has conversion.approver division_head)");
    }

    [Fact]
    public void An_extension_needs_a_statutory_limit()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, »extension: { share: 0.5, days: 30 }, effort: { judge: { dist: fixed, hours: 1 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "case_types[0].extension: an extension lengthens the statutory limit: the case type needs 'time_limit_days'");
    }

    // ---- supervision --------------------------------------------------------------------------------------------

    [Fact]
    public void Supervision_loads_every_key_and_keeps_defaults_for_the_rest()
    {
        var s = LoadValid($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            supervision:
              staff: { division_head: 4, vice_president: 2, president: 1 }
              unlock_hours: { dist: exponential, mean_hours: 1.5 }
              risk_hours: { ordinary: { dist: fixed, hours: 0.5 }, major: { dist: gamma, mean_hours: 6, shape: 2 } }
              extension_approval_hours: { dist: fixed, hours: 0.25 }
              conversion_approval_hours: { dist: fixed, hours: 0.75 }
              warn_before_hours: 24
              limit_warn_days: 20
              referral_after_days: 10
              meeting: { every_days: 14, judges: 5, hours: { dist: fixed, hours: 3 }, participations_per_case: 8 }
            """);
        var spec = s.Courts[0].Supervision;
        Assert.Equal(new Dictionary<string, int> { ["division_head"] = 4, ["vice_president"] = 2, ["president"] = 1 }, spec.Staff);
        Assert.Equal(new ExponentialEffort(1.5), spec.UnlockHours);
        Assert.Equal(new FixedEffort(0.5), spec.OrdinaryRiskHours);
        Assert.Equal(SupervisionSpec.Default.LargerRiskHours, spec.LargerRiskHours);
        Assert.Equal(new GammaEffort(6, 2), spec.MajorRiskHours);
        Assert.Equal(new FixedEffort(0.25), spec.ExtensionApprovalHours);
        Assert.Equal(new FixedEffort(0.75), spec.ConversionApprovalHours);
        Assert.Equal(24, spec.WarnBeforeHours);
        Assert.Equal(20, spec.LimitWarnDays);
        Assert.Equal(10, spec.ReferralAfterDays);
        Assert.Equal(new MeetingSpec(14, 5, new FixedEffort(3), 8), spec.Meeting);

        var partial = LoadValid($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            supervision: { staff: { division_head: 3 }, meeting: { judges: 9 } }
            """).Courts[0].Supervision;
        Assert.Equal(new Dictionary<string, int> { ["division_head"] = 3, ["vice_president"] = 1, ["president"] = 1 }, partial.Staff);
        Assert.Equal(SupervisionSpec.Default.UnlockHours, partial.UnlockHours);
        Assert.Equal(SupervisionSpec.Default.WarnBeforeHours, partial.WarnBeforeHours);
        Assert.Equal(MeetingSpec.Default with { Judges = 9 }, partial.Meeting);

        Assert.Equal(SupervisionSpec.Default, LoadValid(Minimal).Courts[0].Supervision);
    }

    [Fact]
    public void In_the_multi_court_form_supervision_is_per_court()
    {
        var s = LoadValid($$"""
            name: v
            {{Types}}
            courts:
              - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ], supervision: { warn_before_hours: 12 } }
              - { id: d, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
            """);
        Assert.Equal(12, s.Courts[0].Supervision.WarnBeforeHours);
        Assert.Equal(SupervisionSpec.Default, s.Courts[1].Supervision);
        AssertErrorAt($$"""
            name: v
            {{Types}}
            »supervision: { warn_before_hours: 12 }
            courts:
              - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
            """, "'supervision' cannot be at the top level when 'courts' is given: put it inside each court");
    }

    [Theory]
    [InlineData("staff: { »judge: 2 }", "unknown key 'judge' in supervision.staff (expected one of: division_head, vice_president, president (the supervising roles))")]
    [InlineData("staff: { president: »-1 }", "supervision.staff.president: must be at least 0 (got -1)")]
    [InlineData("staff: { president: »1.5 }", "supervision.staff.president: must be a whole number (got 1.5)")]
    [InlineData("unlock_hours: »{ dist: exponential }", "supervision.unlock_hours: 'mean_hours' is required for dist exponential")]
    [InlineData("risk_hours: { »minor: { dist: fixed, hours: 1 } }", "unknown key 'minor' in supervision.risk_hours (expected one of: ordinary, larger, major)")]
    [InlineData("risk_hours: { major: { dist: fixed, hours: »-1 } }", "supervision.risk_hours.major.hours: must be at least 0 (got -1)")]
    [InlineData("extension_approval_hours: { dist: fixed, »days: 1 }", "unknown key 'days' in supervision.extension_approval_hours")]
    [InlineData("warn_before_hours: »0", "supervision.warn_before_hours: must be greater than 0 (got 0)")]
    [InlineData("limit_warn_days: »-30", "supervision.limit_warn_days: must be greater than 0 (got -30)")]
    [InlineData("referral_after_days: »0", "supervision.referral_after_days: must be greater than 0 (got 0)")]
    [InlineData("meeting: { every_days: »0 }", "supervision.meeting.every_days: must be greater than 0 (got 0)")]
    [InlineData("meeting: { judges: »2 }", "supervision.meeting.judges: must be at least 3 (got 2)")]
    [InlineData("meeting: { participations_per_case: »0 }", "supervision.meeting.participations_per_case: must be at least 1 (got 0)")]
    [InlineData("meeting: { hours: »2 }", "supervision.meeting.hours: expected a mapping")]
    [InlineData("»warn_days: 2", "unknown key 'warn_days' in supervision (expected one of: staff, unlock_hours, risk_hours, extension_approval_hours, conversion_approval_hours, warn_before_hours, limit_warn_days, referral_after_days, meeting, committee)")]
    public void Supervision_field_rules(string field, string message)
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            supervision:
              {{field}}
            """, message);
    }

    [Theory]
    [InlineData("ordinary: 0.3", "division_head", "risk level 'ordinary' is supervised by a division head but court 'v' has none (case type 'r' has risk.ordinary 0.3)")]
    [InlineData("larger: 0.007", "vice_president", "risk level 'larger' is supervised by a vice-president but court 'v' has none (case type 'r' has risk.larger 0.007)")]
    [InlineData("major: 0.0007", "president", "risk level 'major' is supervised by the president but court 'v' has none (case type 'r' has risk.major 0.0007)")]
    public void Each_risk_level_filed_needs_its_supervisor(string risk, string role, string message)
    {
        var yaml = $$"""
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: fixed, hours: 1 } } }
              - { id: r, risk: { {{risk}} }, effort: { judge: { dist: fixed, hours: 1 } } }
            intake: [ { mix: { a: 1, r: 1 }, per_year: 10 } ]
            teams: [ { id: t, members: { judge: 1 }, accepts: [a, r] } ]
            supervision: { staff: { {{role}}: »0 } }
            """;
        AssertErrorAt(yaml, $"supervision.staff.{role}: {message}");
        // A type that is not filed in the court needs nobody there.
        LoadValid(yaml.Replace("intake: [ { mix: { a: 1, r: 1 }, per_year: 10 } ]", "intake: [ { type: a, per_year: 10 } ]", StringComparison.Ordinal).Replace("»", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Supervisors_are_checked_per_court_and_backlog_counts_as_filed()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, time_limit_days: 90, extension: { share: 0.5, days: 30 }, effort: { judge: { dist: fixed, hours: 1 } } }
            courts:
              - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ], supervision: { staff: { president: 0 } } }
              - id: d
                teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
                backlog: [ { type: a, count: 5, age_days: { dist: fixed, days: 10 } } ]
                supervision: { staff: { president: »0 } }
            """, "courts[1].supervision.staff.president: time-limit extensions are approved by the president but court 'd' has none (case type 'a' has an extension)");
    }

    [Fact]
    public void A_court_with_flagged_cases_must_be_able_to_hold_a_meeting()
    {
        // 3 + 3 judges: at most 3 from each of the two departments, 6 < 7.
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, flagged_share: 0.02, effort: { judge: { dist: fixed, hours: 1 } } }
            intake: [ { type: a, per_year: 10 } ]
            teams: »[ { id: civil, count: 6, members: { judge: 1 }, accepts: [a] }, { id: lead, template: "1+1+1+1", count: 3, accepts: [a] } ]
            """,
            "teams: court 'v' cannot hold a professional judges' meeting, which its flagged cases need (case type 'a' has flagged_share 0.02): " +
            "a meeting takes 7 judges, at most 3 from one department (team group), but its 12 judges seat at most 6 (judges per group: civil 6, lead 6)");
        // Too few judges in all.
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, flagged_share: 0.5, effort: { judge: { dist: fixed, hours: 1 } } }
            intake: [ { type: a, per_year: 10 } ]
            teams: »[ { id: x, members: { judge: 1 }, accepts: [a] }, { id: y, members: { judge: 1 }, accepts: [a] } ]
            """, "its 2 judges seat at most 2 (judges per group: x 1, y 1)");
        // The error sits at meeting.judges when it is given; a smaller meeting is possible.
        const string threeDepartments = """
            name: v
            case_types:
              - { id: a, flagged_share: 0.02, effort: { judge: { dist: fixed, hours: 1 } } }
            intake: [ { type: a, per_year: 10 } ]
            teams:
              - { id: x, count: 2, members: { judge: 1 }, accepts: [a] }
              - { id: y, count: 2, members: { judge: 1 }, accepts: [a] }
              - { id: z, count: 2, members: { judge: 1 }, accepts: [a] }
            """;
        AssertErrorAt(threeDepartments + "\nsupervision: { meeting: { judges: »7 } }",
            "supervision.meeting.judges: court 'v' cannot hold a professional judges' meeting", "seat at most 6");
        Assert.Equal(5, LoadValid(threeDepartments + "\nsupervision: { meeting: { judges: 5 } }").Courts[0].Supervision.Meeting.Judges);
    }

    [Fact]
    public void A_feasible_meeting_and_a_court_without_flagged_cases_pass()
    {
        // 4 departments of 2, 2, 2 and 1 judges: 7 seats, at most 3 from one department.
        LoadValid("""
            name: v
            case_types:
              - { id: a, flagged_share: 0.02, effort: { judge: { dist: fixed, hours: 1 } } }
            intake: [ { type: a, per_year: 10 } ]
            teams:
              - { id: w, count: 2, members: { judge: 1 }, accepts: [a] }
              - { id: x, members: { judge: 2 }, accepts: [a] }
              - { id: y, template: "1+1+1+1", accepts: [a] }
              - { id: z, members: { president: 1 }, accepts: [a] }
            """);
        LoadValid(Minimal);
        // Flagged in one court, not the other: only the first needs a meeting.
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, flagged_share: 0.1, effort: { judge: { dist: fixed, hours: 1 } } }
              - { id: b, effort: { judge: { dist: fixed, hours: 1 } } }
            courts:
              - id: c
                intake: [ { type: a, per_year: 10 } ]
                teams: »[ { id: t, members: { judge: 1 }, accepts: [a] } ]
              - id: d
                intake: [ { type: b, per_year: 10 } ]
                teams: [ { id: t, members: { judge: 1 }, accepts: [b] } ]
            """, "courts[0].teams: court 'c' cannot hold a professional judges' meeting");
    }

    // ---- balance and scores -----------------------------------------------------------------------------------

    [Fact]
    public void Balance_and_scores_load_with_defaults_for_what_is_left_out()
    {
        var s = LoadValid(WithNodes("track: specialized", """
            balance:
              monthly_baseline: 0.08
              annual_baseline: 0.9
              weights: { time_limit_change: 2, long_pending: 0 }
            scores:
              coins: { a: 2.5 }
              rebalance_every_days: 91
              sensitivity: 0.25
            """));
        Assert.Equal(Enumerable.Repeat(0.08, 12), s.Balance.MonthlyBaseline);
        Assert.Equal(0.9, s.Balance.AnnualBaseline);
        Assert.Equal(new BalanceWeights(2, 1, 1, 1, 0), s.Balance.Weights);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 2.5 }, s.Scoring.Coins);
        Assert.Equal(91, s.Scoring.RebalanceEveryDays);
        Assert.Equal(0.25, s.Scoring.Sensitivity);

        var monthly = LoadValid(WithNodes("", "balance: { monthly_baseline: [0.05, 0.06, 0.07, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.1] }"));
        Assert.Equal(0.05, monthly.Balance.MonthlyBaseline[0]);
        Assert.Equal(0.1, monthly.Balance.MonthlyBaseline[11]);
        Assert.Equal(0.0, monthly.Balance.AnnualBaseline);
        Assert.Equal(BalanceWeights.Equal, monthly.Balance.Weights);

        var none = LoadValid(Minimal);
        Assert.Equal(BalanceSpec.Default, none.Balance);
        Assert.Equal(ScoringSpec.Default, none.Scoring);
    }

    [Theory]
    [InlineData("balance: { monthly_baseline: »1.2 }", "balance.monthly_baseline: must be between 0 and 1 (got 1.2)")]
    [InlineData("balance: { monthly_baseline: [0.1, 0.1, »-0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1] }", "balance.monthly_baseline[2]: must be between 0 and 1 (got -0.1)")]
    [InlineData("balance: { monthly_baseline: »[0.1, 0.1] }", "balance.monthly_baseline: must list 12 monthly baselines, or be one number for every month (got 2)")]
    [InlineData("balance: { monthly_baseline: »{ jan: 0.1 } }", "balance.monthly_baseline: expected a number or a list of 12 monthly baselines (got a mapping)")]
    [InlineData("balance: { annual_baseline: »1.06 }", "balance.annual_baseline: must be between 0 and 1 (got 1.06)")]
    [InlineData("balance: { weights: { trial_time: »-1 } }", "balance.weights.trial_time: must be at least 0 (got -1)")]
    [InlineData("balance: { weights: »{ time_limit_change: 0, trial_time: 0, mediation_and_simple: 0, file_transfer: 0, long_pending: 0 } }", "balance.weights: must not be all zero")]
    [InlineData("balance: { weights: { »speed: 1 } }", "unknown key 'speed' in balance.weights (expected one of: time_limit_change, trial_time, mediation_and_simple, file_transfer, long_pending)")]
    [InlineData("balance: { »baseline: 0.9 }", "unknown key 'baseline' in balance (expected one of: monthly_baseline, annual_baseline, weights, long_pending_days)")]
    [InlineData("balance: { long_pending_days: »0 }", "balance.long_pending_days: must be at least 1 (got 0)")]
    [InlineData("scores: { coins: { »b: 2 } }", "scores.coins: 'b' is not a case type (case types: a)")]
    [InlineData("scores: { coins: { a: »0 } }", "scores.coins.a: must be greater than 0 (got 0)")]
    [InlineData("scores: { coins: { »a: } }", "scores.coins.a: a number of coins is required")]
    [InlineData("scores: { rebalance_every_days: »-1 }", "scores.rebalance_every_days: must be at least 0 (got -1)")]
    [InlineData("scores: { sensitivity: »-0.5 }", "scores.sensitivity: must be at least 0 (got -0.5)")]
    [InlineData("scores: { »weights: {} }", "unknown key 'weights' in scores (expected one of: coins, rebalance_every_days, sensitivity, min_coins, max_coins, max_change_per_round, moves)")]
    public void Balance_and_scores_rules(string block, string message)
    {
        AssertErrorAt($$"""
            name: v
            {{block}}
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, message);
    }

    [Fact]
    public void Balance_and_scores_are_scenario_wide_in_both_forms()
    {
        var s = LoadValid($$"""
            name: v
            {{Types}}
            balance: { annual_baseline: 0.95 }
            scores: { coins: { a: 3 } }
            courts:
              - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
            """);
        Assert.Equal(0.95, s.Balance.AnnualBaseline);
        Assert.Equal(3, s.Scoring.Coins["a"]);
    }
}
