using System.Reflection.PortableExecutable;

namespace Docket.Cli.Tests;

/// <summary>
/// A Release build of the command line is compiled ahead of time (ReadyToRun): its own assembly and those it runs on
/// carry native code beside their IL, so a short run does not spend a third of its time in the JIT. A Debug build
/// stays IL only.
/// </summary>
public sealed class ReadyToRunBuildTests
{
    [Theory]
    [InlineData("docket.dll")]
    [InlineData("Docket.Domain.dll")]
    [InlineData("Orleans.Core.dll")]
    public void A_release_build_s_assemblies_hold_ahead_of_time_code_and_a_debug_build_s_do_not(string assembly)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var path = Path.Combine(CliRunner.RepoRoot(), "src", "Docket.Cli", "bin", configuration, "net10.0", assembly);
        Assert.True(File.Exists(path), $"{path} is not built");
        using var pe = new PEReader(File.OpenRead(path));
        var native = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        Assert.Equal(configuration == "Release", native);
    }
}
