using System.Reflection.PortableExecutable;

namespace Docket.Server.Tests;

/// <summary>
/// A Release build of the service is compiled ahead of time (ReadyToRun), as the command line's is: a restart
/// replays the ledger's tail in code that is already native instead of waiting for the JIT. A Debug build stays IL only.
/// </summary>
public sealed class ReadyToRunBuildTests
{
    [Theory]
    [InlineData("Docket.Server.dll")]
    [InlineData("Docket.Domain.dll")]
    [InlineData("Docket.Grains.dll")]
    [InlineData("Orleans.Runtime.dll")]
    public void A_release_build_s_assemblies_hold_ahead_of_time_code_and_a_debug_build_s_do_not(string assembly)
    {
        var server = ServerProcess.ServerDll();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var path = Path.Combine(Path.GetDirectoryName(server)!, assembly);
        Assert.True(File.Exists(path), $"{path} is not built");
        using var pe = new PEReader(File.OpenRead(path));
        var native = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        Assert.Equal(configuration == "Release", native);
    }
}
