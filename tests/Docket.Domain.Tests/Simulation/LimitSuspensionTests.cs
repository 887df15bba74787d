using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>Stages that suspend the statutory limit (appraisal, public notice, mediation): their time is never counted against it.</summary>
public sealed class LimitSuspensionTests
{
    private const double LimitDays = 30;
    private const double ExtensionDays = 15;

    /// <summary>A judge's work, an appraisal wait that may suspend the limit, and the judgment.</summary>
    private static CaseType Appraised(bool suspends, double appraisalDays) =>
        new("civil", "civil", CaseTrack.Ordinary, 1.0, LimitDays, 0,
        [
            new EffortStage("preparation", RoleCatalog.Judge, new ExponentialEffort(30)),
            new EffortStage("wait_appraisal", "", new ExponentialEffort(appraisalDays)) { SuspendsLimit = suspends },
            new EffortStage("judgment", RoleCatalog.Judge, new ExponentialEffort(30)),
        ], 0)
        { Extension = new TimeLimitExtension(0.5, ExtensionDays) };

    private static CourtSimulation Run(bool suspends, double appraisalDays, double perYear, ulong seed) =>
        TestCourts.Simulate(TestCourts.Court([Appraised(suspends, appraisalDays)], [TestCourts.Intake("civil", perYear)],
            [TestCourts.Teams("t", 3, ["civil"])], AssignmentSpec.Random, 500, warmup: 100, seed: seed));

    [Fact]
    public void Suspended_time_is_never_counted_against_the_limit() =>
        Gen.Select(Gen.Double[1, 40], Gen.Double[100, 600], Gen.ULong[1, 10_000]).Sample((appraisalDays, perYear, seed) =>
        {
            var suspended = Run(true, appraisalDays, perYear, seed);
            var counted = Run(false, appraisalDays, perYear, seed);
            var a = suspended.Cases.ToArray();
            var b = counted.Cases.ToArray();
            Assert.Equal(b.Length, a.Length);
            var closedAfterLimit = 0;
            for (var i = 0; i < a.Length; i++)
            {
                // The limit changes nothing in the work: the same cases close at the same times.
                Assert.Equal(b[i].Closed, a[i].Closed);
                Assert.Equal(0, b[i].SuspendedDays);
                var c = a[i];
                if (double.IsNaN(c.Filed))
                {
                    continue;
                }
                // The limit is filing + the statutory days + the extensions + exactly the days suspended.
                Assert.Equal(c.Filed + LimitDays + (c.Extensions * ExtensionDays) + c.SuspendedDays, c.Limit, 6);
                Assert.InRange(c.SuspendedDays, 0, (double.IsNaN(c.Closed) ? 500 : c.Closed) - c.Filed);
                if (c.Status == CaseStatus.Closed)
                {
                    Assert.True(c.SuspendedDays > 0, "a closed case went through the appraisal");
                    if (c.Closed >= 100 && c.Closed - c.Filed - c.SuspendedDays > LimitDays + (c.Extensions * ExtensionDays))
                    {
                        closedAfterLimit++;
                    }
                }
            }
            Assert.Equal(closedAfterLimit, CourtStatisticsCollector.Collect(suspended).ClosedAfterLimit);
        }, iter: 25);

    [Fact]
    public void The_live_clock_deducts_the_stages_that_suspend_the_limit()
    {
        var type = Appraised(true, 10);
        var assigned = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] ends = [assigned.AddDays(2), assigned.AddDays(12.5)];
        Assert.Equal((10.5, false), TimeLimit.Suspension(type, assigned, ends, open: true));
        // In the appraisal now: suspended, with what is done so far not yet added.
        Assert.Equal((0.0, true), TimeLimit.Suspension(type, assigned, ends[..1], open: true));
        Assert.Equal(assigned.AddDays(LimitDays + 10.5), TimeLimit.LimitAt(type, assigned, 0, 10.5));
    }
}
