using System.Globalization;
using Docket.Abstractions;
using Docket.Domain.Simulation;

namespace Docket.Grains;

/// <summary>A judge of a run as a live view: asks the court for the judge's snapshot, one call a question.</summary>
public sealed class JudgeGrain : Grain, IJudgeGrain
{
    private const string JudgePrefix = "judge-";

    public Task<JudgeSnapshot?> GetAsync() =>
        RunKey.Split(this.GetPrimaryKeyString(), 2) is (var court, var parts)
        && parts[1].StartsWith(JudgePrefix, StringComparison.Ordinal)
        && int.TryParse(parts[1].AsSpan(JudgePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var judge)
            ? GrainFactory.GetGrain<ICourtGrain>(court).GetJudgeAsync(parts[0], judge)
            : Task.FromResult<JudgeSnapshot?>(null);
}
