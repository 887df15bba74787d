using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>
/// What a court command did to the <see cref="CourtState"/>: refused (nothing appended), or the ledger entries it
/// appended, in order, with what the driver reports once they are durable (the case, pulls, a closure, a move,
/// escalations, warnings issued).
/// </summary>
public sealed class CommandEffect
{
    /// <summary>Why the command was refused; null when it was carried out.</summary>
    public CommandResult? Refused { get; private init; }

    /// <summary>The case the command was about (its number), if any.</summary>
    public long? Case { get; init; }

    public List<LedgerRecord> Records { get; init; } = [];

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
}
