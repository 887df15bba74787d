using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The court's deadline index holds only the cases no team holds (a team's docket watches the others:
/// TeamDeadlineWatchTests), and the one-step whole-court watch — that index's due cases and every case a team holds —
/// leaves no case with an unissued warning.
/// </summary>
public sealed class DeadlineWatchIndexTests
{
    [Fact]
    public void A_watch_leaves_no_case_with_an_unissued_warning_and_the_courts_index_holds_no_case_a_team_holds()
    {
        var court = TestCourts.Yancheng();
        var secret = LedgerHash.NewSecret();
        var state = new CourtState(court, _ => secret);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        CourtCommands.Open(state, "yancheng", LedgerHash.Commitment(secret), at);
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("c", UserRoles.Clerk, court.Id, null, null);
        var president = new Actor("p", UserRoles.President, court.Id, null, null);
        var random = new Random(5);
        var types = court.CaseTypes.Where((t, i) => court.Layout.TypePool[i] >= 0).ToList();
        var issued = 0;
        for (var step = 0; step < 600; step++)
        {
            at = at.AddHours(random.Next(1, 30));
            switch (random.Next(4))
            {
                case 0 or 1:
                    CourtCommands.File(state, new FilingRequest(types[random.Next(types.Count)].Id, false, RiskLevel.None, null, registrar), at);
                    break;
                case 2 when state.HeldCases.Where(c => c.Status != CourtCaseStatus.Waiting && c.StagesDone < court.CaseTypes[court.TypeIndex(c.Type)].Stages.Count).ToList() is { Count: > 0 } open:
                    var c = open[random.Next(open.Count)];
                    if (CaseProgress.NextStage(court, c) is { } stage)
                    {
                        if (CaseClock.IsLocked(court, c, at))
                        {
                            CourtCommands.Unlock(state, c.Number, "moving on", president, at);
                        }
                        CourtCommands.Reach(state, c.Number, stage, clerk, at);
                    }
                    break;
                default:
                    issued += CourtCommands.Watch(state, at).Warnings.Count;
                    Assert.All(state.HeldCases, c => Assert.Empty(CaseClock.Unissued(court, c, at)));
                    Assert.True(state.Watched <= state.HeldCases.Count(c => c.Status != CourtCaseStatus.Pending), "the court watches only the cases no team holds");
                    break;
            }
        }
        Assert.True(issued > 50, $"only {issued} warnings issued");
        Assert.True(state.Watched < state.LastNumber, "finished cases leave the watch");
    }

    [Fact]
    public void The_court_keeps_no_check_of_a_case_a_team_holds_nor_takes_one_up_from_a_state_saved_with_it()
    {
        var court = TestCourts.Yancheng();
        var secret = LedgerHash.NewSecret();
        var state = new CourtState(court, _ => secret);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        CourtCommands.Open(state, "yancheng", LedgerHash.Commitment(secret), at);
        var type = court.CaseTypes.First(t => t.Nodes.Count > 0 && court.Layout.TypePool[court.TypeIndex(t.Id)] >= 0);
        var filed = CourtCommands.File(state, new FilingRequest(type.Id, false, RiskLevel.None, null, new Actor("r", UserRoles.Registrar, court.Id, null, null)), at);
        var held = state.Case(1)!;
        Assert.Equal(CourtCaseStatus.Pending, held.Status);
        Assert.NotNull(CaseClock.NextCheck(court, held, at));
        Assert.Equal(0, state.Watched);
        Assert.Empty(state.DueBy(DateTimeOffset.MaxValue));
        // The team's docket watches it.
        var docket = new OpenDocket(court, court.TeamIndex(held.Team!));
        docket.Apply(LedgerEntry.Parse(filed.Records[^1].Json), _ => held);
        docket.Watch(at);
        Assert.Equal(CaseClock.NextCheck(court, held, at), docket.NextCheck);

        // The form an earlier version saved: after the case's record (its JSON, its length 7-bit encoded in two bytes
        // before it), a next check and its time, where this version writes none.
        var saved = new MemoryStream();
        state.WriteSnapshot(saved);
        var bytes = saved.ToArray();
        var start = bytes.AsSpan().IndexOf("{\"Id\":"u8);
        var end = start + ((bytes[start - 2] & 0x7f) | (bytes[start - 1] << 7));
        Assert.Equal((byte)'}', bytes[end - 1]);
        Assert.Equal(0, bytes[end]);
        var earlier = (byte[])bytes.Clone();
        earlier[end] = 1;
        BitConverter.GetBytes(at.AddDays(1).Ticks).CopyTo(earlier, end + 1);

        var restored = CourtState.ReadSnapshot(court, _ => secret, new MemoryStream(earlier));

        Assert.Equal(0, restored.Watched);
        Assert.Empty(restored.DueBy(DateTimeOffset.MaxValue));
        Assert.Equal(state.LedgerDigest(), restored.LedgerDigest());
    }
}
