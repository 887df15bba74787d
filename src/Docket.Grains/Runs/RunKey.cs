namespace Docket.Grains;

/// <summary>
/// Reads the keys of a run's views: "{run}/{court}/…" with a fixed number of parts after the court. The run's own key
/// may hold '/' (the CLI's is "{id}/r{replication}"), so the parts are taken from the right.
/// </summary>
internal static class RunKey
{
    /// <summary>The court grain's key ("{run}/{court}") and the <paramref name="parts"/> parts after it; null when the key has too few parts.</summary>
    public static (string Court, string[] Parts)? Split(string key, int parts)
    {
        var tail = new string[parts];
        var end = key.Length;
        for (var p = parts - 1; p >= 0; p--)
        {
            var cut = key.LastIndexOf('/', end - 1);
            if (cut <= 0 || cut == end - 1)
            {
                return null;
            }
            tail[p] = key[(cut + 1)..end];
            end = cut;
        }
        // What is left is "{run}/{court}": it needs a run before the court.
        return key.LastIndexOf('/', end - 1) > 0 ? (key[..end], tail) : null;
    }
}
