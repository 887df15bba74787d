using System.Globalization;
using Docket.Domain.Planning;
using Spectre.Console;

namespace Docket.Cli.Output;

/// <summary>The weighted-caseload figures as tables: workload by type, judges, teams per quota, role shortfall.</summary>
internal static class StaffingTables
{
    public static void Write(CliOutput output, StaffingReport report)
    {
        var console = output.Console();
        foreach (var court in report.Courts)
        {
            var alike = court.Count > 1 ? $" (each of {court.Count} alike courts)" : "";
            var types = new Table()
                .Title($"[bold]{Markup.Escape(report.Scenario)}[/] · court {Markup.Escape(court.Court)}{alike} · workload a year")
                .AddColumn("case type").AddColumn(new TableColumn("filed a year").RightAligned())
                .AddColumn(new TableColumn("weight").RightAligned()).AddColumn(new TableColumn("workload units").RightAligned());
            foreach (var t in court.Types)
            {
                types.AddRow(Markup.Escape(t.Type), N(t.FiledPerYear), W(t.Weight), N(t.WorkloadUnits));
            }
            types.AddRow("[bold]total[/]", N(court.FiledPerYear), "", N(court.WorkloadUnits));
            FittedTable.Write(console, types);

            var judges = new Table().AddColumn("judges").AddColumn(new TableColumn("value").RightAligned());
            judges.AddRow("judge-year (units a judge closes a year)", N(report.JudgeYearUnits));
            judges.AddRow("judges needed (units ÷ judge-year)", court.JudgesNeeded.ToString("N1", CultureInfo.InvariantCulture));
            judges.AddRow("judges on hand (every role that hears cases)", N(court.JudgesOnHand));
            judges.AddRow(court.JudgeBalance >= 0 ? "judges to spare" : "judges short",
                Math.Abs(court.JudgeBalance).ToString("N1", CultureInfo.InvariantCulture));
            judges.AddRow("staff on hand", Markup.Escape(string.Join(", ", court.StaffOnHand.Select(s => $"{s.Key} {s.Value}"))));
            FittedTable.Write(console, judges);

            if (court.Quotas.Count > 0)
            {
                var quotas = new Table().AddColumn("team group").AddColumn(new TableColumn("teams").RightAligned())
                    .AddColumn(new TableColumn("quota per team").RightAligned()).AddColumn("quota unit").AddColumn(new TableColumn("received a year").RightAligned())
                    .AddColumn(new TableColumn("teams needed").RightAligned()).AddColumn(new TableColumn("spare (+) / short (−)").RightAligned());
                foreach (var q in court.Quotas)
                {
                    quotas.AddRow(Markup.Escape(q.Group), N(q.Teams), N(q.QuotaPerTeam), q.QuotaUnit.Replace('_', ' '), N(q.Received), N(q.TeamsNeeded),
                        q.TeamBalance.ToString("+0;−0;0", CultureInfo.InvariantCulture));
                }
                FittedTable.Write(console, quotas);
            }

            if (court.Layout is { } layout)
            {
                var roles = new Table()
                    .Title($"template {Markup.Escape(layout.Template)}: {layout.TeamsForJudgesOnHand} teams for the judges on hand, {layout.TeamsForJudgesNeeded} for the judges needed")
                    .AddColumn("role").AddColumn(new TableColumn("per team").RightAligned()).AddColumn(new TableColumn("on hand").RightAligned())
                    .AddColumn(new TableColumn("needed (judges on hand)").RightAligned()).AddColumn(new TableColumn("short").RightAligned())
                    .AddColumn(new TableColumn("short %").RightAligned())
                    .AddColumn(new TableColumn("needed (judges needed)").RightAligned()).AddColumn(new TableColumn("short").RightAligned());
                foreach (var r in layout.Roles)
                {
                    roles.AddRow(Markup.Escape(r.Role), N(r.PerTeam), N(r.OnHand), N(r.NeededForJudgesOnHand), N(r.ShortForJudgesOnHand),
                        Numbers.Percent(r.ShortShareForJudgesOnHand), N(r.NeededForJudgesNeeded), N(r.ShortForJudgesNeeded));
                }
                FittedTable.Write(console, roles);
            }
        }
    }

    private static string N(double v) => v.ToString(v == Math.Floor(v) ? "N0" : "N1", CultureInfo.InvariantCulture);

    private static string W(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
