using System.Text.RegularExpressions;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// Every command in the docs that starts the live service names files that are in the repository, as seen from its
/// root (where the docs run them): no <c>users.json</c> that nobody committed.
/// </summary>
public sealed partial class DocumentedStartCommandsTests
{
    public static TheoryData<string> Docs() => new() { "docs/api.md", "README.md", "grafana/README.md" };

    [Theory]
    [MemberData(nameof(Docs))]
    public void Every_scenario_and_config_file_a_documented_server_start_names_exists_from_the_repository_root(string doc)
    {
        var text = File.ReadAllText(RepositoryRoot.File(doc));
        var starts = StartCommand().Matches(text).Select(m => m.Value).ToList();
        Assert.NotEmpty(starts);
        foreach (var start in starts)
        {
            foreach (Match file in FileOption().Matches(start))
            {
                var path = file.Groups[2].Value;
                Assert.True(File.Exists(RepositoryRoot.File(path)), $"{doc}: '{start.Trim()}' names {file.Groups[1].Value} {path}, which is not in the repository");
            }
        }
    }

    [Fact]
    public void The_api_doc_starts_the_service_with_the_sample_users_file()
    {
        var text = File.ReadAllText(RepositoryRoot.File("docs/api.md"));
        Assert.Contains("--config users.example.json", text, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryRoot.File("users.example.json")));
    }

    [GeneratedRegex(@"(dotnet run --project src/Docket\.(Server|Cli)[^\n]*(\\\n[^\n]*)*)")]
    private static partial Regex StartCommand();

    [GeneratedRegex(@"(--scenario|--config) ([^\s\\`'""]+)")]
    private static partial Regex FileOption();
}
