using System.CommandLine;
using System.Globalization;
using Docket.Cli.Output;
using Docket.Domain.Planning;
using Docket.Domain.Statistics;

namespace Docket.Cli.Commands;

/// <summary>
/// <c>docket staffing SCENARIO</c>: the weighted-caseload arithmetic (workload units, judges needed, teams needed per
/// quota, each role's shortfall under a template) on the scenario's figures; no simulation.
/// </summary>
internal static class StaffingCommand
{
    public static Command Create(CliOutput output)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML or JSON)" };
        var judgeYear = new Option<double>("--judge-year")
        {
            Description = "Workload units one judge closes in a year (default 220: a Xicheng civil/commercial team's quota, case 153)",
            DefaultValueFactory = _ => StaffingAssumptions.DefaultJudgeYearUnits,
        };
        var template = new Option<string?>("--template") { Description = "Lay every judge out in this team template (a name such as 1+1+1, or role=count,role=count) and show each role's shortfall" };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON instead of tables" };
        var command = new Command("staffing", "Weighted-caseload arithmetic: workload units, judges needed, teams per quota, role shortfall under a template")
        {
            scenario, judgeYear, template, json,
        };
        command.SetAction(parse =>
        {
            var (_, loaded) = ScenarioInput.Read(parse.GetValue(scenario)!);
            var units = parse.GetValue(judgeYear);
            if (!(units is >= StaffingAssumptions.MinJudgeYearUnits and <= StaffingAssumptions.MaxJudgeYearUnits))
            {
                throw new BadInputException(string.Create(CultureInfo.InvariantCulture,
                    $"--judge-year must be between {StaffingAssumptions.MinJudgeYearUnits} and {StaffingAssumptions.MaxJudgeYearUnits} workload units (got {units})"));
            }
            TeamLayout? layout = null;
            if (parse.GetValue(template) is { } name)
            {
                try
                {
                    layout = TeamLayout.Parse(name, loaded.Roles);
                }
                catch (FormatException e)
                {
                    throw new BadInputException($"--template: {e.Message}");
                }
            }
            var report = WeightedCaseload.Compute(loaded, new StaffingAssumptions(units, layout));
            if (parse.GetValue(json))
            {
                output.Writer.WriteLine(PlanningJson.Serialize(report));
            }
            else
            {
                StaffingTables.Write(output, report);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
