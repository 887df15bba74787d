using System.Reflection;
using Docket.Abstractions;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Grains;
using Docket.Server.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Docket.Server.Tests;

/// <summary>
/// The start's activation of every court (Scenarios/two-courts.yaml: north and south), with the courts' grains
/// answering when the test says: which courts /health lists as starting, and what stops the start.
/// </summary>
public sealed class CourtWarmupTests
{
    private readonly Dictionary<string, TaskCompletionSource<SeedCommitment[]>> _answers = new()
    {
        ["north"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        ["south"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
    };

    private CourtWarmup Warmup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Scenarios", "two-courts.yaml");
        var loaded = ScenarioLoader.LoadFile(path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var organization = new Organization(loaded.Scenario!, path);
        _takeUps = new EarlyTakeUps(organization, new InMemoryCourtJournal(), new NoLedgerWitness(), Options.Create(new CourtMemoryOptions()),
            NullLogger<LiveCourtGrain>.Instance);
        return new CourtWarmup(Grains.Answering(_answers), organization, _takeUps, NullLogger<CourtWarmup>.Instance);
    }

    private EarlyTakeUps _takeUps = null!;

    [Fact]
    public async Task Every_court_is_starting_until_its_grain_has_activated_and_the_start_ends_when_all_have()
    {
        var warmup = Warmup();
        Assert.Equal(["north", "south"], warmup.Activating);

        var started = warmup.StartedAsync(CancellationToken.None);
        _answers["south"].SetResult([new SeedCommitment("south", 1, "c-south", null)]);
        await Until(() => warmup.Activating.Count == 1);
        Assert.Equal(["north"], warmup.Activating);
        Assert.False(started.IsCompleted);

        _answers["north"].SetResult([new SeedCommitment("north", 1, "c-north", null)]);
        await started;
        Assert.Empty(warmup.Activating);
    }

    [Fact]
    public async Task Take_ups_started_early_that_no_grain_took_are_dropped_when_the_courts_are_active()
    {
        var warmup = Warmup();
        _takeUps.Start();
        var started = warmup.StartedAsync(CancellationToken.None);
        _answers["south"].SetResult([]);
        _answers["north"].SetResult([]);
        await started;

        Assert.Null(_takeUps.Take("north"));
        Assert.Null(_takeUps.Take("south"));
    }

    [Fact]
    public async Task A_ledger_begun_by_another_organisation_stops_the_start_naming_the_way_out()
    {
        var warmup = Warmup();
        var started = warmup.StartedAsync(CancellationToken.None);
        _answers["north"].SetException(new InvalidOperationException("court north: the ledger cannot be taken up: entry 1 is of another organisation"));
        _answers["south"].SetResult([]);

        var e = await Assert.ThrowsAsync<StartupException>(() => started);
        Assert.Equal("court north: the ledger cannot be taken up: entry 1 is of another organisation (start with a new --data directory for a new organisation)",
            Assert.Single(e.Problems));
        Assert.Empty(warmup.Activating);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>A grain factory whose courts' grains answer <see cref="ILiveCourtGrain.GetCommitmentsAsync"/> from the test.</summary>
    public class Grains : DispatchProxy
    {
        private IReadOnlyDictionary<string, TaskCompletionSource<SeedCommitment[]>> _answers = new Dictionary<string, TaskCompletionSource<SeedCommitment[]>>();

        public static IGrainFactory Answering(IReadOnlyDictionary<string, TaskCompletionSource<SeedCommitment[]>> answers)
        {
            var grains = Create<IGrainFactory, Grains>();
            ((Grains)(object)grains)._answers = answers;
            return grains;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && targetMethod.GetGenericArguments()[0] == typeof(ILiveCourtGrain)
                && args is [string court, ..])
            {
                return Court.Answering(_answers[court].Task);
            }
            throw new NotSupportedException(targetMethod?.Name);
        }
    }

    /// <summary>A court's grain that answers its commitments with the test's task, and nothing else.</summary>
    public class Court : DispatchProxy
    {
        private Task<SeedCommitment[]> _commitments = Task.FromResult<SeedCommitment[]>([]);

        public static ILiveCourtGrain Answering(Task<SeedCommitment[]> commitments)
        {
            var court = Create<ILiveCourtGrain, Court>();
            ((Court)(object)court)._commitments = commitments;
            return court;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(ILiveCourtGrain.GetCommitmentsAsync) ? _commitments : throw new NotSupportedException(targetMethod?.Name);
    }
}
