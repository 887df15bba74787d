namespace Docket.Grains.Tests;

public sealed class CourtSavesTests
{
    [Theory]
    [InlineData(50_000, 49_999, 10, false)]
    [InlineData(50_000, 50_000, 10, true)]
    [InlineData(50_000, 50_000, 50_001, false)]
    [InlineData(50_000, 400_000, 400_000, true)]
    [InlineData(50_000, 399_999, 400_000, false)]
    [InlineData(0, 1_000_000, 0, false)]
    [InlineData(-1, 1_000_000, 0, false)]
    public void A_court_saves_once_its_entries_since_the_last_save_reach_the_floor_and_its_cases_in_progress(int every, long sinceLast, int inProgress, bool due) =>
        Assert.Equal(due, CourtSaves.Due(every, sinceLast, inProgress));

    [Theory]
    [InlineData(60, 1, 60.0, true)]
    [InlineData(60, 1, 59.9, false)]
    [InlineData(60, 0, 600.0, false)]
    [InlineData(0, 1_000, 600.0, false)]
    public void A_court_with_entries_since_its_last_save_saves_once_it_has_been_idle_that_long(int idleSeconds, long sinceLast, double idleFor, bool due) =>
        Assert.Equal(due, CourtSaves.DueWhenIdle(idleSeconds, sinceLast, TimeSpan.FromSeconds(idleFor)));

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.8)]
    [InlineData(3, 1.0)]
    [InlineData(4, 0.3)]
    public void Saves_write_at_most_one_record_an_entry_and_a_restart_replays_no_more_entries_than_cases_in_progress_or_the_floor(int seed, double opens)
    {
        // Each entry files a case (kept open) with probability `opens`, else finishes one: a court growing, steady or shrinking.
        const int every = 5_000;
        var random = new Random(seed);
        long written = 0, lastSave = 0;
        var inProgress = 0;
        var saves = 0;
        for (long seq = 1; seq <= 300_000; seq++)
        {
            inProgress += random.NextDouble() < opens || inProgress == 0 ? 1 : -1;
            if (CourtSaves.Due(every, seq - lastSave, inProgress))
            {
                written += inProgress;
                lastSave = seq;
                saves++;
            }
            else
            {
                Assert.True(seq - lastSave < Math.Max(every, inProgress), $"entry {seq}: {seq - lastSave} to replay, {inProgress} in progress");
            }
            Assert.True(written <= seq, $"entry {seq}: {written} records written by {saves} saves");
        }
        Assert.True(saves >= 1);
    }
}
