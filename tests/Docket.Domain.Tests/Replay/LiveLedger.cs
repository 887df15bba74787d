using System.Security.Cryptography;
using System.Text;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// A ledger written by the live court's own commands (<see cref="CourtCommands"/> on a <see cref="CourtState"/>, as
/// the live court grain runs them): filings of every type the court takes, some flagged or of major risk; closures
/// (each closing stage reported, so its team pulls; a four-type case referred to its meeting when first chosen, and
/// closed when chosen again once its meeting has sat and been released); a president's designations; a team's absence; the deadline
/// watcher's runs (escalations, pulls by teams back); and, when asked, a seed rotation revealing the secret. Fully
/// determined by its arguments (the secrets are SHA-256 of the seed's text), so a committed sample can be re-made.
/// </summary>
public static class LiveLedger
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The ledger's lines (each entry's stored text, in order).</summary>
    /// <param name="withdrawals">Whether a third of the way the absences recorded are withdrawn three filings later.</param>
    public static List<string> Write(Court court, int filings, int seed, bool rotateAtEnd = true, int rotateAfter = -1, bool withdrawals = true)
    {
        var secret = Secret(seed, 1);
        var epoch = 1;
        var live = new CourtState(court, e => Secret(seed, e));
        var lines = new List<string> { CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(secret), Start).Json };
        var random = new Random(seed);
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("clerk", UserRoles.Clerk, court.Id, null, null);
        var president = new Actor("president", UserRoles.President, court.Id, null, null);
        var admin = new Actor("admin", UserRoles.Admin, null, null, null);
        var types = court.CaseTypes.Where(t => court.Layout.TypePool[court.TypeIndex(t.Id)] >= 0).Select(t => t.Id).ToArray();
        RiskLevel[] risks = [RiskLevel.None, RiskLevel.None, RiskLevel.None, RiskLevel.Ordinary, RiskLevel.Major];
        var at = Start.AddHours(1);
        (string Team, long Seq)[] absences = [];
        for (var n = 1; n <= filings; n++)
        {
            at = at.AddMinutes(10 + random.Next(120));
            var filed = CourtCommands.File(live, new FilingRequest(types[random.Next(types.Length)], random.Next(15) == 0, risks[random.Next(risks.Length)], $"key-{n}", registrar), at);
            Assert.True(filed.Refused is null, filed.Refused?.Error);
            lines.AddRange(filed.Records.Select(r => r.Json));
            if (random.Next(3) == 0 && live.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList() is { Count: > 0 } open
                && open[random.Next(open.Count)] is { } closing && Tests.Courts.FourTypeMeeting.MayClose(live, closing.Number, at, lines))
            {
                foreach (var stage in court.CaseTypes[court.TypeIndex(closing.Type)].Stages.Select(s => s.Task))
                {
                    if (live.Case(closing.Number)!.Status != CourtCaseStatus.Pending || live.Case(closing.Number)!.StagesDone > court.Layout.ClosingStage[court.TypeIndex(closing.Type)])
                    {
                        break;
                    }
                    var reached = CourtCommands.Reach(live, closing.Number, stage, clerk, at);
                    // A refused step may still carry what the queue owed by then: the court's entries all the same.
                    lines.AddRange(reached.Records.Select(r => r.Json));
                    if (reached.Refused is not null)
                    {
                        break;
                    }
                }
            }
            if (random.Next(12) == 0 && live.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList() is { Count: > 0 } designable)
            {
                var c = designable[random.Next(designable.Count)];
                var designated = CourtCommands.Designate(live, c.Number, null, "conflict of interest", president, at);
                lines.AddRange(designated.Records.Select(r => r.Json));
            }
            if (n == filings / 3 && court.Layout.Teams.Count > 1)
            {
                var team = court.Layout.Teams[random.Next(court.Layout.Teams.Count)].Id;
                var away = CourtCommands.MarkAbsent(live, team, at, at.AddDays(2), "annual leave", president, at);
                Assert.True(away.Refused is null, away.Refused?.Error);
                lines.AddRange(away.Records.Select(r => r.Json));
                // Another absence, to come, of another team: withdrawn (below) before it begins.
                var other = court.Layout.Teams[(court.TeamIndex(team) + 1) % court.Layout.Teams.Count].Id;
                var toCome = CourtCommands.MarkAbsent(live, other, at.AddDays(3), at.AddDays(5), "training", president, at);
                Assert.True(toCome.Refused is null, toCome.Refused?.Error);
                lines.AddRange(toCome.Records.Select(r => r.Json));
                absences = [(team, away.OwnRecords[0].Seq), (other, toCome.OwnRecords[0].Seq)];
            }
            if (withdrawals && n == (filings / 3) + 3)
            {
                // The team back early; the training called off.
                foreach (var (team, seq) in absences)
                {
                    var withdrawn = CourtCommands.WithdrawAbsence(live, team, seq, team == absences[0].Team ? "back early" : null, president, at);
                    Assert.True(withdrawn.Refused is null, withdrawn.Refused?.Error);
                    lines.AddRange(withdrawn.Records.Select(r => r.Json));
                }
            }
            if (n % 10 == 0)
            {
                lines.AddRange(CourtCommands.Watch(live, at).Records.Select(r => r.Json));
            }
            if (n == rotateAfter)
            {
                lines.Add(Rotate(live, seed, ref epoch, admin, at));
            }
        }
        if (rotateAtEnd)
        {
            lines.Add(Rotate(live, seed, ref epoch, admin, at.AddMinutes(1)));
        }
        return lines;
    }

    /// <summary>The secret of an epoch: SHA-256 of "docket sample {seed} epoch {epoch}".</summary>
    public static string Secret(int seed, int epoch) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"docket sample {seed} epoch {epoch}")));

    private static string Rotate(CourtState live, int seed, ref int epoch, Actor admin, DateTimeOffset at)
    {
        var revealed = Secret(seed, epoch);
        epoch++;
        return CourtCommands.RotateSeed(live, revealed, LedgerHash.Commitment(Secret(seed, epoch)), admin, at).Json;
    }
}
