namespace Docket.Server.Tests;

/// <summary>The users every test server is configured with (court "live" of Scenarios/live-court.yaml), by API key.</summary>
public static class TestUsers
{
    public const string Registrar = "k-registrar";
    public const string JudgeCivil1 = "k-judge-civil-1";
    public const string JudgeCivil2 = "k-judge-civil-2";
    public const string JudgeCriminal1 = "k-judge-criminal-1";
    public const string JudgeCriminal2 = "k-judge-criminal-2";
    public const string Clerk = "k-clerk";
    public const string HeadCivil = "k-head-civil";
    public const string HeadCriminal = "k-head-criminal";
    public const string President = "k-president";
    public const string Reviewer = "k-reviewer";
    public const string Auditor = "k-auditor";
    public const string AuditorToken = "t-auditor";
    public const string AuditorOfLive = "k-auditor-live";
    public const string Admin = "k-admin";

    private static readonly (string Key, string Name, string Role, string? Court, string? Division, string? Team)[] s_users =
    [
        (Registrar, "registrar", "registrar", "live", null, null),
        (JudgeCivil1, "judge-civil-1", "judge", "live", null, "civil-1"),
        (JudgeCivil2, "judge-civil-2", "judge", "live", null, "civil-2"),
        (JudgeCriminal1, "judge-criminal-1", "judge", "live", null, "criminal-1"),
        (JudgeCriminal2, "judge-criminal-2", "judge", "live", null, "criminal-2"),
        (Clerk, "clerk", "clerk", "live", null, null),
        (HeadCivil, "head-civil", "division_head", "live", "civil", null),
        (HeadCriminal, "head-criminal", "division_head", "live", "criminal", null),
        (President, "president", "president", "live", null, null),
        (Reviewer, "reviewer", "reviewer", "live", null, null),
        (Auditor, "auditor", "auditor", null, null, null),
        (AuditorOfLive, "auditor-live", "auditor", "live", null, null),
        (Admin, "admin", "admin", null, null, null),
    ];

    public static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < s_users.Length; i++)
        {
            var (key, name, role, court, division, team) = s_users[i];
            var at = $"Docket:Auth:Users:{i}:";
            settings[at + "Name"] = name;
            settings[at + "Role"] = role;
            if (court is not null)
            {
                settings[at + "Court"] = court;
            }
            if (division is not null)
            {
                settings[at + "Division"] = division;
            }
            if (team is not null)
            {
                settings[at + "Team"] = team;
            }
            settings[at + "ApiKeys:0"] = key;
            if (key == Auditor)
            {
                settings[at + "Tokens:0"] = AuditorToken;
            }
        }
        return settings;
    }

    /// <summary>The same users as a JSON configuration file for a server started as a process.</summary>
    public static string Json()
    {
        var users = s_users.Select(u => new Dictionary<string, object?>
        {
            ["Name"] = u.Name,
            ["Role"] = u.Role,
            ["Court"] = u.Court,
            ["Division"] = u.Division,
            ["Team"] = u.Team,
            ["ApiKeys"] = new[] { u.Key },
        });
        return System.Text.Json.JsonSerializer.Serialize(new { Docket = new { Auth = new { Users = users } } });
    }
}
