using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Docket.Cli.Tests;

/// <summary>
/// Debian's <c>chromium</c> in headless mode: loads a page from disk, waits for it (virtual time), and returns the DOM
/// after load and what the browser logged. CI installs it (.ci/run); without it the page tests fail with a message
/// saying how to install it — they never skip.
/// </summary>
internal static partial class HeadlessChromium
{
    public sealed record Page(string Dom, string Log)
    {
        /// <summary>An attribute of the page's &lt;body&gt; as the page's own check script left it.</summary>
        public string? BodyAttribute(string name)
        {
            var body = BodyTag().Match(Dom);
            Assert.True(body.Success, "the dumped DOM has no <body> tag");
            var attribute = Regex.Match(body.Value, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"");
            return attribute.Success ? attribute.Groups[1].Value : null;
        }

        /// <summary>Lines the page wrote to the browser's console (errors, blocked requests, exceptions).</summary>
        public IReadOnlyList<string> ConsoleLines => [.. Log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal))];
    }

    public static string Executable()
    {
        var found = new[] { "chromium", "chromium-browser" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null,
            "headless Chromium is not installed: `chromium` is not on PATH. Install Debian's package with "
            + "`apt-get install -y chromium fonts-dejavu-core` (CI does, in .ci/run). This test renders report.html and "
            + $"compare.html in a real browser and does not skip{(Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true)" : "")}.");
        return found!;
    }

    public static async Task<Page> LoadAsync(string htmlPath)
    {
        var profile = Directory.CreateTempSubdirectory("docket-chromium-");
        try
        {
            var info = new ProcessStartInfo(Executable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom",
                new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            })
            {
                info.ArgumentList.Add(argument);
            }
            using var process = Process.Start(info)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            var log = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish loading {htmlPath} within 90 s");
            }
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}:\n{await log}");
            return new Page(await dom, await log);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by an exiting helper process: the temp folder is cleaned later.
            }
        }
    }

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyTag();
}
