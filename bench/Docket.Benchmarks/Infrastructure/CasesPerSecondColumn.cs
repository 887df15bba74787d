using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Docket.Benchmarks.Infrastructure;

/// <summary>Cases per invocation (recorded by the benchmark through <see cref="CaseTally"/>) and cases per second of wall time.</summary>
public sealed class CasesPerSecondColumn(bool perSecond) : IColumn
{
    public string Id => perSecond ? "CasesPerSecond" : "Cases";

    public string ColumnName => perSecond ? "cases/s" : "Cases";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => perSecond ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => perSecond
        ? "Cases simulated per second of wall time (Cases / Mean)"
        : "Cases simulated in one invocation (received, including the opening backlog)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var key = CaseTally.Key(benchmarkCase.Descriptor.Type.Name, benchmarkCase.Descriptor.WorkloadMethod.Name,
            benchmarkCase.Parameters.Items.Select(p => (p.Name, (object?)p.Value)));
        if (CaseTally.Read(key) is not { } cases)
        {
            return "?";
        }
        if (!perSecond)
        {
            return cases.ToString("N0", CultureInfo.InvariantCulture);
        }
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (cases / (mean.Value * 1e-9)).ToString("N0", CultureInfo.InvariantCulture) : "?";
    }
}
