using System.Diagnostics;

namespace Docket.Observability.Tests;

/// <summary>The CLI's docket.dll in Release (built by the solution build, since this project depends on it; built
/// here with <c>dotnet build src/Docket.Cli -c Release</c> if it is missing).</summary>
public sealed class CliBuild
{
    public CliBuild()
    {
        Dll = Path.Combine(Repo.Root, "src", "Docket.Cli", "bin", "Release", "net10.0", "docket.dll");
        if (File.Exists(Dll))
        {
            return;
        }
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "build", "src/Docket.Cli", "-c", "Release", "--nologo", "-v", "q" })
        {
            info.ArgumentList.Add(a);
        }
        using var build = Process.Start(info)!;
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0 || !File.Exists(Dll))
        {
            throw new InvalidOperationException($"dotnet build src/Docket.Cli -c Release failed ({build.ExitCode}):\n{stdout.Result}\n{stderr}");
        }
    }

    public string Dll { get; }
}
