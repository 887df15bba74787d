using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>
/// What a court command did to the <see cref="CourtState"/>: the ledger entries it appended, in order, with what the
/// driver reports once they are durable (the case, pulls, a closure, a move, escalations, warnings issued); or refused,
/// when nothing of the command was appended — though what the waiting queue owed by then may have been
/// (<see cref="CourtCommands"/>' catch-up: escalations and pulls, the deadline watcher's), and is to be written all the same.
/// </summary>
public sealed class CommandEffect
{
    /// <summary>Why the command was refused; null when it was carried out.</summary>
    public CommandResult? Refused { get; private init; }

    /// <summary>The case the command was about (its number), if any.</summary>
    public long? Case { get; init; }

    public List<LedgerRecord> Records { get; init; } = [];

    /// <summary>
    /// The entries of the case decisions the command appended, typed as appended, in order (a case grain's decision
    /// through <see cref="CourtCommands.Ledger"/>, or the warnings a watch decided): what a case's grain advances its
    /// record by, without reading back the text of <see cref="Records"/>.
    /// </summary>
    public List<LedgerEntry> Decided { get; } = [];

    /// <summary>How many of <see cref="Records"/>, at their start, are what the waiting queue owed before the command ran (the deadline watcher's).</summary>
    public int Owed { get; private init; }

    /// <summary>How many of <see cref="Escalated"/>, at its start, the waiting queue owed (among the <see cref="Owed"/> entries).</summary>
    public int OwedEscalations { get; private init; }

    /// <summary>How many of <see cref="Pulled"/>, at its start, the waiting queue owed (among the <see cref="Owed"/> entries).</summary>
    public int OwedPulls { get; private init; }

    /// <summary>
    /// A case's decision not sequenced: what the queue owed by its moment moved the very case decided on (a waiting
    /// case escalated or pulled), so every entry here is the queue's, to be written, and the case decides again on its
    /// record after them (<see cref="CourtCommands.Ledger"/>).
    /// </summary>
    public bool Stale { get; private init; }

    /// <summary>The command's own entries: <see cref="Records"/> after the queue's owed ones (what its answer shows).</summary>
    public IReadOnlyList<LedgerRecord> OwnRecords => Owed == 0 ? Records : Records.GetRange(Owed, Records.Count - Owed);

    /// <summary>Waiting cases taken by a team on the way (close-one-get-one), and the team.</summary>
    public List<(long Number, string Team)> Pulled { get; } = [];

    /// <summary>Waiting cases escalated to the top of their queue.</summary>
    public List<long> Escalated { get; } = [];

    /// <summary>Deadline warnings issued.</summary>
    public List<CourtWarning> Warnings { get; } = [];

    /// <summary>The assignment decision of a filing.</summary>
    public Decision? Decision { get; set; }

    /// <summary>The case closed.</summary>
    public bool Closed { get; set; }

    /// <summary>A designation's teams: from (null for a waiting case) and to.</summary>
    public string? MovedFrom { get; init; }

    public string? MovedTo { get; init; }

    public static CommandEffect Refuse(Outcome outcome, string? field, string error) => new() { Refused = CommandResult.Fail(outcome, field, error) };

    /// <summary>A stale decision on case <paramref name="number"/> (<see cref="Stale"/>): nothing of its own; joined to the queue's entries (<see cref="After"/>).</summary>
    internal static CommandEffect StaleOn(long number) => new() { Case = number, Stale = true };

    /// <summary>This effect with <paramref name="owed"/>'s entries, escalations and pulls before its own (the queue's catch-up that ran first).</summary>
    internal CommandEffect After(CommandEffect owed)
    {
        var joined = new CommandEffect
        {
            Refused = Refused,
            Stale = Stale,
            Case = Case,
            Records = [.. owed.Records, .. Records],
            Owed = owed.Records.Count + Owed,
            OwedEscalations = owed.Escalated.Count + OwedEscalations,
            OwedPulls = owed.Pulled.Count + OwedPulls,
            Decision = Decision,
            Closed = Closed,
            MovedFrom = MovedFrom,
            MovedTo = MovedTo,
        };
        joined.Decided.AddRange(Decided);
        joined.Pulled.AddRange(owed.Pulled);
        joined.Pulled.AddRange(Pulled);
        joined.Escalated.AddRange(owed.Escalated);
        joined.Escalated.AddRange(Escalated);
        joined.Warnings.AddRange(owed.Warnings);
        joined.Warnings.AddRange(Warnings);
        return joined;
    }
}
