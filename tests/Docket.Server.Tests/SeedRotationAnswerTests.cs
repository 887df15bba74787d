using System.Net;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// A seed rotation answers with the commitments as its own entry left them: a second rotation decided while the
/// first was being written, and lost, neither shows in the first's answer nor reveals the secret still in force.
/// </summary>
public sealed class SeedRotationAnswerTests
{
    [Fact]
    public async Task A_rotation_s_answer_shows_no_later_rotation_still_being_written()
    {
        var journal = new GatedAppends(new InMemoryCourtJournal());
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        try
        {
            var admin = server.ClientFor(TestUsers.Admin);
            await server.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");

            journal.Hold();
            var first = admin.PostJsonAsync("/api/audit/courts/live/rotate-seed", null);
            await journal.HeldAsync(1);
            var second = admin.PostJsonAsync("/api/audit/courts/live/rotate-seed", null);
            await journal.HeldAsync(2);
            journal.Release(0);
            var (status, answer, _) = await first;
            Assert.Equal(HttpStatusCode.OK, status);
            var epochs = answer.EnumerateArray().ToDictionary(c => c.GetProperty("epoch").GetInt32(), c => c);
            // The second rotation's write fails: epoch 2 stays in force.
            journal.Fail(1);
            Assert.True((int)(await second).Status >= 500);

            Assert.Equal([1, 2], epochs.Keys.Order());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, epochs[2].GetProperty("revealed_secret").ValueKind);

            journal.ReleaseAll();
            for (var i = 0; ; i++)
            {
                var (now, commitments, _) = await admin.GetJsonAsync("/api/audit/commitments");
                if (now == HttpStatusCode.OK)
                {
                    Assert.Equal([1, 2], commitments.EnumerateArray().Select(c => c.GetProperty("epoch").GetInt32()).Order());
                    // The secret in force is the one the first rotation committed to, and nobody has seen it.
                    Assert.Equal(epochs[2].GetProperty("commitment").GetString(), commitments.EnumerateArray().Single(c => c.GetProperty("epoch").GetInt32() == 2).GetProperty("commitment").GetString());
                    break;
                }
                Assert.True(i < 100, $"the commitments answered {now}");
                await Task.Delay(100);
            }
        }
        finally
        {
            journal.ReleaseAll();
        }
    }
}
