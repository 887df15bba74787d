using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Docket.Server.Tests.Cluster.StoresTestFramework", "Docket.Server.Tests")]

namespace Docket.Server.Tests.Cluster;

/// <summary>
/// xunit's own framework, except that the tests of a class marked <see cref="IUsesClusterStores"/> — its own and
/// the ones it inherits, such as the API suite run against PostgreSQL — are reported skipped, with
/// <see cref="ClusterStores.SkipReason"/>, when the stores are not configured on a developer's machine.
/// </summary>
public sealed class StoresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new StoresDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class StoresDiscoverer(IAssemblyInfo assembly, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, sources, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (ClusterStores.SkipReason is { } reason
                && typeof(IUsesClusterStores).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType())
                && testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
                return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
            }
            return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
        }
    }
}
