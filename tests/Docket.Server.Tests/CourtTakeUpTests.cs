using System.Buffers;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;
using Docket.Grains;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Docket.Server.Tests;

/// <summary>
/// A court taken up from storage (Scenarios/live-court.yaml): its saved state and the tail after it, whether its grain
/// does it at activation or the service did it while it started and the grain replays what was appended since.
/// </summary>
public sealed class CourtTakeUpTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly Organization _organization;
    private readonly Court _court;
    private readonly string _secret = LedgerHash.NewSecret();
    private readonly InMemoryCourtJournal _journal = new();
    private readonly CourtState _writer;

    public CourtTakeUpTests()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Scenarios", "live-court.yaml");
        var loaded = ScenarioLoader.LoadFile(path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        _organization = new Organization(loaded.Scenario!, path);
        _court = _organization.Court(_organization.CourtIds[0])!;
        _writer = new CourtState(_court, _ => _secret);
    }

    private async Task BeginAsync()
    {
        await _journal.AddSecretAsync(new CourtSecret(_court.Id, 1, _secret));
        await _journal.AppendAsync(_court.Id, [CourtCommands.Open(_writer, "live", LedgerHash.Commitment(_secret), s_start)]);
    }

    private async Task FileAsync(int cases)
    {
        var registrar = new Actor("registrar", "registrar", _court.Id, null, null);
        for (var i = 0; i < cases; i++)
        {
            var type = i % 2 == 0 ? "simple_civil" : "criminal";
            var effect = CourtCommands.File(_writer, new FilingRequest(type, false, RiskLevel.None, null, registrar), s_start.AddMinutes(_writer.Seq));
            Assert.Null(effect.Refused);
            await _journal.AppendAsync(_court.Id, effect.Records);
        }
    }

    private async Task SaveAsync()
    {
        using var snapshot = new MemoryStream();
        _writer.WriteSnapshot(snapshot);
        await _journal.SaveStateAsync(_court.Id, _writer.Seq, new ReadOnlySequence<byte>(snapshot.ToArray()));
    }

    private CourtTakeUp TakeUp() => new(_court, _journal, new NoLedgerWitness(), 100, NullLogger.Instance);

    [Fact]
    public async Task The_saved_state_and_the_tail_after_it_make_the_state_the_ledger_makes()
    {
        await BeginAsync();
        await FileAsync(12);
        await SaveAsync();
        await FileAsync(7);

        var takeUp = TakeUp();
        await takeUp.RunAsync(CancellationToken.None);

        Assert.Null(takeUp.Closed);
        Assert.Equal(13, takeUp.FromSaved);
        Assert.Equal(7, takeUp.Replayed);
        Assert.Equal(20, takeUp.State.Seq);
        Assert.Equal(_writer.LedgerDigest(), takeUp.State.LedgerDigest());
    }

    [Fact]
    public async Task A_take_up_made_before_more_entries_were_appended_catches_up_with_them()
    {
        await BeginAsync();
        await FileAsync(5);
        var takeUp = TakeUp();
        await takeUp.RunAsync(CancellationToken.None);
        Assert.Equal(0, takeUp.FromSaved);
        Assert.Equal(6, takeUp.State.Seq);

        await FileAsync(4);
        await takeUp.CatchUpAsync(CancellationToken.None);

        Assert.Null(takeUp.Closed);
        Assert.Equal(4, takeUp.Replayed);
        Assert.Equal(10, takeUp.State.Seq);
        Assert.Equal(_writer.LedgerDigest(), takeUp.State.LedgerDigest());
    }

    [Fact]
    public async Task A_catch_up_closes_the_court_on_an_entry_appended_since_that_does_not_verify()
    {
        await BeginAsync();
        await FileAsync(3);
        var takeUp = TakeUp();
        await takeUp.RunAsync(CancellationToken.None);

        var registrar = new Actor("registrar", "registrar", _court.Id, null, null);
        var filed = Assert.Single(CourtCommands.File(_writer, new FilingRequest("criminal", false, RiskLevel.None, null, registrar), s_start.AddDays(1)).Records);
        await _journal.AppendAsync(_court.Id, [filed with { Json = filed.Json.Replace("criminal", "simple_civil", StringComparison.Ordinal) }]);
        await takeUp.CatchUpAsync(CancellationToken.None);

        Assert.Equal(5, takeUp.Closed?.FirstInvalidSeq);
        Assert.Contains("does not match its stored hash", takeUp.Closed?.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_court_s_early_take_up_is_taken_once_by_its_grain()
    {
        await BeginAsync();
        await FileAsync(2);
        var takeUps = new EarlyTakeUps(_organization, _journal, new NoLedgerWitness(), Options.Create(new CourtMemoryOptions()), NullLogger<LiveCourtGrain>.Instance);
        takeUps.Start();

        var early = takeUps.Take(_court.Id);
        Assert.NotNull(early);
        Assert.Null(takeUps.Take(_court.Id));
        Assert.Equal(3, (await early).State.Seq);
    }
}
