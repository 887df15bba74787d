namespace Docket.Server.Api;

/// <summary>The page <c>/track</c> (track.html, built into the assembly): a case number and code in, the case's timeline out.</summary>
internal static class TrackPage
{
    public static string Html { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(TrackPage).Assembly.GetManifestResourceStream("Docket.Server.Api.track.html")
            ?? throw new InvalidOperationException("the page track.html is not in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
