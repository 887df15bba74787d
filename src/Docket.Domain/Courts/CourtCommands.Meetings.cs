using Docket.Domain.Access;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Courts;

/// <summary>
/// Professional judges' meetings and the adjudication committee, live (cases 164, 165; <see cref="MeetingReferral"/>):
/// a case referred cannot close until its meeting has sat and its minutes are released, or the committee decided.
/// </summary>
public static partial class CourtCommands
{
    /// <summary>Runs one step of the case's meeting or committee (<see cref="MeetingStep"/>).</summary>
    public static CommandEffect Meeting(CourtState state, long number, MeetingStep step, Actor by, DateTimeOffset at) =>
        AfterCatchUp(state, at, () => MeetingNow(state, number, step, by, at));

    private static CommandEffect MeetingNow(CourtState state, long number, MeetingStep step, Actor by, DateTimeOffset at) => step.Step switch
    {
        MeetingStepKind.Refer => ReferToMeeting(state, number, step.Trigger ?? "", step.Reason ?? "", by, at),
        MeetingStepKind.Held => step.Adopted is { } adopted
            ? RecordMeetingHeld(state, number, adopted, by, at)
            : CommandEffect.Refuse(Outcome.Invalid, "adopted", "say whether the panel adopted the meeting's majority view: true or false"),
        MeetingStepKind.Release => ReleaseAfterMeeting(state, number, by, at),
        MeetingStepKind.Committee => ReferToCommittee(state, number, step.Reason, by, at),
        MeetingStepKind.Decision => RecordCommitteeDecision(state, number, step.Reason ?? "", by, at),
        _ => CommandEffect.Refuse(Outcome.Invalid, "step", $"unknown meeting step '{step.Step}'"),
    };

    /// <summary>
    /// The case's judge, a division head of its division or the president refers it to a meeting, for a trigger
    /// (<see cref="MeetingTriggers"/>; a leader's disagreement only by a division head or the president) and a
    /// reason: the papers go out now.
    /// </summary>
    private static CommandEffect ReferToMeeting(CourtState state, long number, string trigger, string reason, Actor by, DateTimeOffset at)
    {
        var court = state.Court;
        if (state.Case(number) is not { } c)
        {
            return NotFound(court, number);
        }
        if (!AccessRules.Allows(by, Permission.ReferToMeeting, new(court.Id, court.DivisionOfTeam(c.Team), c.Team)))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null,
                $"only {AccessRules.Who(Permission.ReferToMeeting, court.Id, $"case {c.Id}")} refers it to a professional judges' meeting");
        }
        // Who may refer for this trigger is decided before what the referral lacks: a judge citing a leader's
        // disagreement hears 403 with or without a reason.
        var refusal = MeetingReferral.RefuseReferral(c.Meeting, c.Status != CourtCaseStatus.Closed, trigger, by.Role);
        if (refusal is { Field: "trigger" } byTrigger)
        {
            return CommandEffect.Refuse(MeetingTriggers.IndexOf(trigger) < 0 ? Outcome.Invalid : Outcome.Forbidden, "trigger", byTrigger.Problem);
        }
        if (!WrittenReason.Is(reason))
        {
            return CommandEffect.Refuse(Outcome.Invalid, "reason", "a referral to a meeting needs a written reason");
        }
        if (refusal is { } conflict)
        {
            return CommandEffect.Refuse(Outcome.Conflict, null, $"case {c.Id}: {conflict.Problem}");
        }
        return Record(state, Entry(state, LedgerKinds.MeetingReferred, at, c, by) with { Trigger = trigger, Reason = reason });
    }

    /// <summary>A division head or the president records that the meeting sat on the case (the papers out long enough) and whether the panel adopted its majority view.</summary>
    private static CommandEffect RecordMeetingHeld(CourtState state, long number, bool adopted, Actor by, DateTimeOffset at) =>
        Convene(state, number, by, at, c => MeetingReferral.RefuseHeld(c.Meeting, at, state.PapersDays),
            c => Entry(state, LedgerKinds.MeetingHeld, at, c, by) with { Adopted = adopted });

    /// <summary>A division head or the president releases the case once the meeting's minutes are checked: it may close.</summary>
    private static CommandEffect ReleaseAfterMeeting(CourtState state, long number, Actor by, DateTimeOffset at) =>
        Convene(state, number, by, at, c => MeetingReferral.RefuseRelease(c.Meeting, c.Flagged),
            c => Entry(state, LedgerKinds.MeetingReleased, at, c, by));

    /// <summary>A division head or the president sends the case to the adjudication committee: its panel departed from the meeting's majority.</summary>
    private static CommandEffect ReferToCommittee(CourtState state, long number, string? reason, Actor by, DateTimeOffset at) =>
        Convene(state, number, by, at, c => MeetingReferral.RefuseCommittee(c.Meeting),
            c => Entry(state, LedgerKinds.CommitteeReferred, at, c, by) with { Reason = WrittenReason.OrNone(reason) });

    /// <summary>The president, chairing the adjudication committee, records its decision on the case with a reason: the case is released.</summary>
    private static CommandEffect RecordCommitteeDecision(CourtState state, long number, string reason, Actor by, DateTimeOffset at)
    {
        var court = state.Court;
        if (state.Case(number) is not { } c)
        {
            return NotFound(court, number);
        }
        if (!AccessRules.Allows(by, Permission.DecideInCommittee, new(court.Id, court.DivisionOfTeam(c.Team), c.Team)))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.DecideInCommittee, court.Id)}, who chairs its adjudication committee, records its decisions");
        }
        if (!WrittenReason.Is(reason))
        {
            return CommandEffect.Refuse(Outcome.Invalid, "reason", "the committee's decision needs a written reason");
        }
        if (MeetingReferral.RefuseCommitteeDecision(c.Meeting) is { } refusal)
        {
            return CommandEffect.Refuse(Outcome.Conflict, null, $"case {c.Id}: {refusal}");
        }
        return Record(state, Entry(state, LedgerKinds.CommitteeDecided, at, c, by) with { Reason = reason });
    }

    /// <summary>
    /// A division head or the president records a sitting of the professional judges' meeting (cases 164, 165): the
    /// judges called (<paramref name="members"/>), those <paramref name="present"/>, and the cases heard with whether
    /// each panel adopted the meeting's majority view. One meeting_sitting entry records the attendance; with a majority
    /// of the members present a meeting_held entry of each case heard follows, and without one the sitting does not
    /// count as held (<see cref="MeetingReferral.HasQuorum"/>): the cases still wait for a meeting.
    /// </summary>
    public static CommandEffect HoldSitting(CourtState state, MeetingSitting sitting, Actor by, DateTimeOffset at) =>
        AfterCatchUp(state, at, () => HoldSittingNow(state, sitting, by, at));

    private static CommandEffect HoldSittingNow(CourtState state, MeetingSitting sitting, Actor by, DateTimeOffset at)
    {
        var court = state.Court;
        if (!AccessRules.AllowsSomewhere(by, Permission.ConveneMeeting, court.Id))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.ConveneMeeting, court.Id)} records its meetings' sittings");
        }
        if (state.RefuseSitting(sitting.Members, sitting.Present) is { } invalid)
        {
            return CommandEffect.Refuse(Outcome.Invalid, invalid.Field, invalid.Problem);
        }
        if (sitting.Cases.Count == 0)
        {
            return CommandEffect.Refuse(Outcome.Invalid, "cases", "a sitting hears at least one case held for a meeting");
        }
        var heard = new List<(CourtCase Case, bool Adopted)>();
        for (var i = 0; i < sitting.Cases.Count; i++)
        {
            var (id, adopted) = sitting.Cases[i];
            if (court.ParseNumber(id) is not { } number || state.Case(number) is not { } c)
            {
                return CommandEffect.Refuse(Outcome.Invalid, $"cases[{i}].id", $"court {court.Id} has no case {Quoted.Value(id)}");
            }
            if (adopted is not { } a)
            {
                return CommandEffect.Refuse(Outcome.Invalid, $"cases[{i}].adopted", $"say whether case {c.Id}'s panel adopted the meeting's majority view: true or false");
            }
            if (heard.Exists(h => h.Case.Number == number))
            {
                return CommandEffect.Refuse(Outcome.Invalid, $"cases[{i}].id", $"case {c.Id} is named twice");
            }
            if (!AccessRules.Allows(by, Permission.ConveneMeeting, new(court.Id, court.DivisionOfTeam(c.Team), c.Team)))
            {
                return CommandEffect.Refuse(Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.ConveneMeeting, court.Id, $"case {c.Id}")} records its meeting");
            }
            if (MeetingReferral.RefuseHeld(c.Meeting, at, state.PapersDays) is { } refusal)
            {
                return CommandEffect.Refuse(Outcome.Conflict, null, $"case {c.Id}: {refusal}");
            }
            heard.Add((c, a));
        }
        var effect = new CommandEffect();
        effect.Records.Add(state.Append(new LedgerEntry
        {
            Court = court.Id,
            Seq = state.Seq + 1,
            Kind = LedgerKinds.MeetingSitting,
            At = at,
            Members = [.. sitting.Members],
            Present = [.. sitting.Present],
            Heard = [.. heard.Select(h => h.Case.Id)],
            By = new LedgerActor(by.Name, by.Role),
            Prev = state.Head,
        }));
        if (MeetingReferral.HasQuorum(sitting.Present.Count, sitting.Members.Count))
        {
            foreach (var (c, adopted) in heard)
            {
                effect.Records.Add(state.Append(Entry(state, LedgerKinds.MeetingHeld, at, state.Case(c.Number)!, by) with { Adopted = adopted }));
            }
        }
        return effect;
    }

    private static CommandEffect Convene(CourtState state, long number, Actor by, DateTimeOffset at, Func<CourtCase, string?> refuse, Func<CourtCase, LedgerEntry> entry)
    {
        var court = state.Court;
        if (state.Case(number) is not { } c)
        {
            return NotFound(court, number);
        }
        if (!AccessRules.Allows(by, Permission.ConveneMeeting, new(court.Id, court.DivisionOfTeam(c.Team), c.Team)))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.ConveneMeeting, court.Id, $"case {c.Id}")} records its meeting");
        }
        return refuse(c) is { } refusal ? CommandEffect.Refuse(Outcome.Conflict, null, $"case {c.Id}: {refusal}") : Record(state, entry(c));
    }

    private static CommandEffect Record(CourtState state, LedgerEntry entry) =>
        new() { Case = entry.Number ?? 0, Records = [state.Append(entry)] };
}

/// <summary>A sitting of the professional judges' meeting as asked for (<see cref="CourtCommands.HoldSitting"/>): the members called, those present, the cases heard and each panel's adoption.</summary>
[Orleans.GenerateSerializer, Orleans.Immutable, Orleans.Alias("docket.live.meeting-sitting")]
public sealed record MeetingSitting(
    [property: Orleans.Id(0)] IReadOnlyList<string> Members,
    [property: Orleans.Id(1)] IReadOnlyList<string> Present,
    [property: Orleans.Id(2)] IReadOnlyList<HeardCase> Cases);

/// <summary>A case a sitting heard, and whether its panel adopted the meeting's majority view (null: not said).</summary>
[Orleans.GenerateSerializer, Orleans.Immutable, Orleans.Alias("docket.live.heard-case")]
public sealed record HeardCase([property: Orleans.Id(0)] string Id, [property: Orleans.Id(1)] bool? Adopted);

/// <summary>One step of a case's meeting or committee, as the live service passes it to the court (<see cref="CourtCommands.Meeting"/>).</summary>
[Orleans.GenerateSerializer, Orleans.Immutable, Orleans.Alias("docket.live.meeting-step")]
public sealed record MeetingStep(
    [property: Orleans.Id(0)] MeetingStepKind Step,
    [property: Orleans.Id(1)] string? Trigger = null,
    [property: Orleans.Id(2)] string? Reason = null,
    [property: Orleans.Id(3)] bool? Adopted = null);

/// <summary>
/// The steps of a case's meeting or committee (<see cref="MeetingStep"/>): refer it, record the meeting held, release
/// the minutes, send it to the committee, record the committee's decision. Each has its own route; the ledger records
/// the step as its entry's kind.
/// </summary>
public enum MeetingStepKind : byte
{
    Refer,
    Held,
    Release,
    Committee,
    Decision,
}
