using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// A live court of a test's scenario with its ledger in memory: commands append to <see cref="Records"/>, and the
/// ledger can be replayed on a fresh court, whole or with a forged last entry.
/// </summary>
internal class ScenarioLedger
{
    /// <param name="rules">The rules version the ledger begins under (<see cref="CourtRules"/>).</param>
    public ScenarioLedger(string yaml, string name, int rules = CourtRules.Version)
    {
        var loaded = ScenarioLoader.Load(yaml, $"{name}.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        Court = new Organization(loaded.Scenario!, $"{name}.yaml").Court(name)!;
        State = new CourtState(Court, e => LiveLedger.Secret(1, e));
        Records.Add(CourtCommands.Open(State, Court.Scenario.Name, LedgerHash.Commitment(LiveLedger.Secret(1, 1)), LiveLedger.Start, rules));
    }

    public Court Court { get; }

    public CourtState State { get; set; }

    public List<LedgerRecord> Records { get; } = [];

    public Actor President => new("president", UserRoles.President, Court.Id, null, null);

    public Actor JudgeOf(CourtCase c) => new("judge", UserRoles.Judge, Court.Id, Court.DivisionOfTeam(c.Team), c.Team);

    public Actor DivisionHeadOf(CourtCase c) => new("head", UserRoles.DivisionHead, Court.Id, Court.DivisionOfTeam(c.Team), null);

    /// <summary>Files a case of <paramref name="type"/> at <paramref name="at"/> and answers its record.</summary>
    public CourtCase FileAt(string type, DateTimeOffset at) => FileAt(type, false, at);

    /// <summary>Files a case of <paramref name="type"/>, flagged or not, by the court's registrar and answers its record.</summary>
    public CourtCase FileAt(string type, bool flagged, DateTimeOffset at)
    {
        var registrar = new Actor("registrar", UserRoles.Registrar, Court.Id, null, null);
        Add(CourtCommands.File(State, new FilingRequest(type, flagged, RiskLevel.None, null, registrar), at));
        return State.Case(State.LastNumber)!;
    }

    public CommandEffect Add(CommandEffect effect)
    {
        Records.AddRange(effect.Records);
        return effect;
    }

    /// <summary>The ledger replayed on a fresh court: every entry accepted, and the state it makes.</summary>
    public CourtState Replayed()
    {
        var state = new CourtState(Court, e => LiveLedger.Secret(1, e));
        Assert.All(Records, r => Assert.Null(state.Replay(r)));
        return state;
    }

    /// <summary>Why a fresh court replaying the ledger with <paramref name="forged"/> in place of its last entry refuses it.</summary>
    public string? ReplayForged(LedgerEntry forged) => ReplayWith(Records.Count - 1, forged);

    /// <summary>Why a fresh court replaying the first <paramref name="kept"/> records, then <paramref name="forged"/>, refuses it (null: accepted).</summary>
    public string? ReplayWith(int kept, LedgerEntry forged)
    {
        var state = new CourtState(Court, e => LiveLedger.Secret(1, e));
        foreach (var r in Records.Take(kept))
        {
            Assert.Null(state.Replay(r));
        }
        var json = forged.ToJson();
        return state.Replay(new LedgerRecord(Court.Id, forged.Seq, forged.Kind, forged.Case, json, LedgerHash.Of(json)));
    }
}
