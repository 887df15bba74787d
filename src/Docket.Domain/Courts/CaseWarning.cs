using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// A deadline warning issued to a case by its court's deadline watcher and recorded in the court's ledger (entry
/// <see cref="Seq"/>, at <see cref="At"/>): about <see cref="Subject"/> (a process node, or <c>time_limit</c>), at
/// <see cref="Level"/>, for the deadline <see cref="Due"/>.
/// </summary>
/// <remarks>
/// <see cref="Level"/> is an enum but Orleans' serializer writes it as its name (id 1, a string, the wire form it had
/// when it was a string), so silos of an earlier and a later version read each other's warnings; JSON spells it as its
/// name too. Pinned by CourtCaseStoredFormatTests.
/// </remarks>
[GenerateSerializer, Immutable, Alias("docket.live.case-warning")]
public sealed record CaseWarning
{
    [Id(0)]
    public required string Subject { get; init; }

    /// <summary>One of judge, division_head, president, discipline, locked, limit_warning, limit_overdue, yellow_card; stored as its name (id 1).</summary>
    public required WarningLevel Level
    {
        get => WarningLevels.Parse(_level) ?? throw new InvalidOperationException($"a warning on {Subject}: unknown level '{_level}'");
        init => _level = WarningLevels.NameOf(value);
    }

    [Id(2)]
    public required DateTimeOffset Due { get; init; }

    [Id(3)]
    public required DateTimeOffset At { get; init; }

    [Id(4)]
    public required long Seq { get; init; }

    /// <summary><see cref="Level"/> as Orleans' serializer writes it (id 1).</summary>
    [Id(1)]
    private readonly string _level = "";
}
