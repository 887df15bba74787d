namespace Docket.Grains;

/// <summary>
/// When a live court saves its state. A save writes every case in progress, and a restart replays the entries after
/// the last save; so the court saves once the entries since its last save are at least
/// <see cref="CourtMemoryOptions.SaveStateEvery"/> and at least its cases in progress. Each entry then pays for at most
/// one record written, however many cases the court holds (a court saving every 50,000 entries while it held 400,000
/// cases rewrote all of them each time), and a restart replays at most that many entries besides reading that many
/// records.
/// </summary>
public static class CourtSaves
{
    /// <param name="every">Entries between saves at the least (0 or less: never).</param>
    /// <param name="sinceLast">Entries appended since the last save.</param>
    /// <param name="inProgress">Cases the court holds in progress.</param>
    public static bool Due(int every, long sinceLast, int inProgress) => every > 0 && sinceLast >= Math.Max(every, inProgress);

    /// <summary>
    /// Whether a court that has appended <paramref name="sinceLast"/> entries since its last save, and none for
    /// <paramref name="idleFor"/>, saves now: a save costs nothing then, and spares a restart the replay of them.
    /// </summary>
    /// <param name="idleSeconds">Seconds without a new entry before such a save (0 or less: never).</param>
    public static bool DueWhenIdle(int idleSeconds, long sinceLast, TimeSpan idleFor) =>
        idleSeconds > 0 && sinceLast > 0 && idleFor >= TimeSpan.FromSeconds(idleSeconds);
}
