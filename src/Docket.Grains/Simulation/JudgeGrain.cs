using Docket.Abstractions.Simulation;

namespace Docket.Grains.Simulation;

public sealed class JudgeGrain : Grain, IJudgeGrain
{
    private JudgeRecord? _record;

    public Task RecordAsync(JudgeRecord record)
    {
        _record = record;
        return Task.CompletedTask;
    }

    public Task<JudgeRecord?> GetAsync() => Task.FromResult(_record);
}
