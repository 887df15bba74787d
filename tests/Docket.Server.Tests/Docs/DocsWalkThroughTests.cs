namespace Docket.Server.Tests.Docs;

/// <summary>
/// docs/api.md's walk-through, run as written against the sample scenario and users: the server started from the
/// repository root with the doc's start command, then every block's curl commands in order, each answering the
/// status the doc writes after it.
/// </summary>
public sealed class DocsWalkThroughTests(DocumentedServer server) : IClassFixture<DocumentedServer>
{
    [Fact]
    public async Task Every_block_of_the_api_walk_through_answers_the_statuses_the_doc_gives()
    {
        Assert.NotEmpty(server.WalkThrough.Blocks);
        Assert.True(OnPath("curl"), "the walk-through's blocks are curl commands: install curl (.ci/run does)");
        foreach (var block in server.WalkThrough.Blocks)
        {
            Assert.True(block.ExpectedStatuses.Count > 0, $"{block} gives no status after '# →':\n{block.Text}");
            var output = await server.RunAsync(block);
            var statuses = WalkThrough.Statuses(output);
            Assert.True(block.ExpectedStatuses.SequenceEqual(statuses),
                $"{block} should answer {string.Join(", ", block.ExpectedStatuses)}, answered {string.Join(", ", statuses)}:\n{block.Text}\n--- curl:\n{output}\n--- server:\n{server.Output}");
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    [Fact]
    public async Task The_documented_start_from_the_repository_root_finds_its_files_and_prints_the_api_page()
    {
        // The start command's scenario and users file are relative to the repository root: the server found both.
        using var client = new HttpClient();
        var health = await client.GetStringAsync(new Uri($"{server.BaseUrl}/health"));
        Assert.Contains("xicheng-pooled", health, StringComparison.Ordinal);
        for (var i = 0; i < 50 && !server.Output.Contains("/scalar/v1", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }
        Assert.Contains($"API reference (Scalar): {server.BaseUrl}/scalar/v1", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no users are configured", server.Output, StringComparison.Ordinal);
    }
}
