using System.Text.Json;
using Docket.Abstractions;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// The deadline watch where the live service runs it: each team grain watches its open cases and has each due one's
/// grain decide its warnings for the court to ledger; the court's reminder asks the grains of due waiting and closed
/// cases and wakes a team whose earliest check, as the team told it, waited (a team grain not active), and a court
/// taken up again wakes every team holding an open case; a case grain's own timer decides its warnings when its check
/// comes. The same warnings as the court-wide watch, none twice.
/// </summary>
public sealed class TeamDeadlineWatchTests
{
    private static readonly string[] s_teams = ["civil-1", "civil-2", "civil-3", "lead-1", "criminal-1", "criminal-2"];

    [Fact]
    public async Task Team_watches_ledger_exactly_the_warnings_the_court_wide_watch_issues_for_the_same_history()
    {
        await using var factory = new DocketFactory();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        await FileAsync(factory, 12);
        factory.Clock.Advance(TimeSpan.FromDays(8));
        var expected = await CourtWideWatchAsync(factory);
        Assert.True(expected.Count >= 12 * 4, $"only {expected.Count} warnings due");

        var issued = new List<CourtWarning>();
        foreach (var team in s_teams)
        {
            issued.AddRange(await grains.GetGrain<ILiveTeamGrain>(team).WatchDeadlinesAsync());
        }

        Assert.Equal(expected, Keys(issued));
        Assert.Equal(expected, await LedgeredAsync(factory));
        Assert.Empty(await grains.GetGrain<ILiveCourtGrain>(DocketFactory.Court).WatchDeadlinesAsync());
        await VerifiesAsync(factory);
    }

    [Fact]
    public async Task No_warning_is_issued_twice_when_team_watches_the_courts_reminder_and_its_whole_watch_run_together()
    {
        await using var factory = new DocketFactory();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        await FileAsync(factory, 10);
        factory.Clock.Advance(TimeSpan.FromDays(8));
        var expected = await CourtWideWatchAsync(factory);

        var court = grains.GetGrain<ILiveCourtGrain>(DocketFactory.Court);
        var runs = new List<Task>();
        for (var round = 0; round < 2; round++)
        {
            runs.AddRange(s_teams.Select(t => grains.GetGrain<ILiveTeamGrain>(t).WatchDeadlinesAsync()));
            runs.Add(court.WatchDeadlinesAsync());
            runs.Add(ReminderTickAsync(court));
        }
        await Task.WhenAll(runs);

        // Everything due is issued (the woken team watches run on after the tick): once each.
        var ledgered = await EventuallyAsync(() => LedgeredAsync(factory), l => l.Count >= expected.Count);
        Assert.Equal(expected, ledgered);
        await VerifiesAsync(factory);
    }

    [Fact]
    public async Task A_team_grain_that_is_not_active_gets_its_due_warnings_when_the_courts_reminder_wakes_it()
    {
        await using var factory = new DocketFactory();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        await FileAsync(factory, 8);
        var management = grains.GetGrain<IManagementGrain>(0);
        foreach (var team in s_teams)
        {
            await management.DeactivateGrain(grains.GetGrain<ILiveTeamGrain>(team).GetGrainId());
        }
        factory.Clock.Advance(TimeSpan.FromDays(8));
        var expected = await CourtWideWatchAsync(factory);

        await ReminderTickAsync(grains.GetGrain<ILiveCourtGrain>(DocketFactory.Court));

        Assert.Equal(expected, await EventuallyAsync(() => LedgeredAsync(factory), l => l.Count >= expected.Count));
        await VerifiesAsync(factory);
    }

    [Fact]
    public async Task A_court_taken_up_again_wakes_every_team_holding_open_cases_so_what_fell_due_meanwhile_is_issued_unasked()
    {
        var data = Path.Combine(Path.GetTempPath(), "docket-team-watch-" + Guid.NewGuid().ToString("N"));
        try
        {
            List<string> expected;
            await using (var first = new DocketFactory(data))
            {
                await FileAsync(first, 6);
                // What is due on day 8, from the ledger as it stands (no watch runs: the tests' period is 600 minutes).
                first.Clock.Advance(TimeSpan.FromDays(8) - TimeSpan.FromHours(6));
                expected = await CourtWideWatchAsync(first);
            }
            Assert.True(expected.Count >= 6 * 4, $"only {expected.Count} warnings due");
            // The court keeps no check of the cases its teams hold, and knows nothing of its teams' checks once taken
            // up again: its first watch wakes each team holding an open case, whose due cases decide their warnings.
            await using var second = new DocketFactory(data);
            second.Clock.Advance(TimeSpan.FromDays(8));

            Assert.Equal(expected, await EventuallyAsync(() => LedgeredAsync(second), l => l.Count >= expected.Count));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_case_grains_own_timer_asks_for_its_warnings_when_its_check_comes_so_a_read_just_after_shows_them()
    {
        await using var factory = new DocketFactory();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var president = factory.ClientFor(TestUsers.President);
        var id = (await factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil")).Str("id");
        // hearing_scheduled is due on day 7 (the president's level and the lock); a few seconds before, the case is
        // read: its grain starts afresh and times its next check.
        await grains.GetGrain<IManagementGrain>(0).DeactivateGrain(grains.GetGrain<ILiveCaseGrain>(id).GetGrainId());
        factory.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(3));
        await president.GetJsonAsync($"/api/cases/{id}");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        // No watch runs meanwhile (the tests' watch period is 600 minutes): only the case's timer can ask.
        var warnings = await EventuallyAsync(
            async () => (await president.GetJsonAsync($"/api/cases/{id}")).Body.GetProperty("case").GetProperty("warnings").EnumerateArray().ToList(),
            w => w.Count >= 4);
        Assert.Equal(["judge", "division_head", "president", "locked"], warnings.Select(w => w.Str("level")));
        Assert.All(warnings, w => Assert.Equal("hearing_scheduled", w.Str("subject")));
        Assert.Equal(4, (await LedgeredAsync(factory)).Count);
    }

    private static async Task FileAsync(DocketFactory factory, int count)
    {
        var registrar = factory.ClientFor(TestUsers.Registrar);
        for (var i = 0; i < count; i++)
        {
            await registrar.FileAsync("simple_civil");
            factory.Clock.Advance(TimeSpan.FromHours(1));
        }
    }

    /// <summary>What the court-wide watch would issue now: the court's exported ledger replayed, then the domain's whole-court watch.</summary>
    private static async Task<List<string>> CourtWideWatchAsync(DocketFactory factory)
    {
        var loaded = ScenarioLoader.Load(File.ReadAllText(DocketFactory.ScenarioPath), DocketFactory.ScenarioPath);
        var court = new Organization(loaded.Scenario!, DocketFactory.ScenarioPath).Court(DocketFactory.Court)!;
        // Without the court's secret the draws are not re-made, but every entry is applied as written.
        var state = new CourtState(court, _ => null);
        foreach (var json in await LedgerLinesAsync(factory))
        {
            var e = LedgerEntry.Parse(json);
            state.Replay(new LedgerRecord(e.Court, e.Seq, e.Kind, e.Case, json, LedgerHash.Of(json)));
        }
        return Keys(CourtCommands.Watch(state, factory.Clock.GetUtcNow()).Warnings);
    }

    private static async Task<List<string>> LedgeredAsync(DocketFactory factory) =>
        [.. (await LedgerLinesAsync(factory)).Select(LedgerEntry.Parse).Where(e => e.Kind == LedgerKinds.Warning)
            .Select(e => Key(e.Case!, e.Node!, e.Level!, e.Due!.Value, e.At)).Order(StringComparer.Ordinal)];

    private static async Task<string[]> LedgerLinesAsync(DocketFactory factory) =>
        (await factory.ClientFor(TestUsers.Auditor).GetStringAsync($"/api/courts/{DocketFactory.Court}/ledger?format=jsonl"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static List<string> Keys(IEnumerable<CourtWarning> warnings) =>
        [.. warnings.Select(w => Key(w.Case, w.Warning.Subject, WarningLevels.NameOf(w.Warning.Level), w.Warning.Due, w.Warning.At)).Order(StringComparer.Ordinal)];

    private static string Key(string c, string subject, string level, DateTimeOffset due, DateTimeOffset at) => $"{c}|{subject}|{level}|{due:O}|{at:O}";

    /// <summary>The court's reminder tick, as the reminder service delivers it.</summary>
    private static Task ReminderTickAsync(ILiveCourtGrain court) =>
        court.AsReference<IRemindable>().ReceiveReminder(Docket.Grains.LiveCourtGrain.WatchReminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(600), DateTime.UtcNow));

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(200);
            value = await read();
        }
        return value;
    }

    private static async Task VerifiesAsync(DocketFactory factory)
    {
        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }
}
