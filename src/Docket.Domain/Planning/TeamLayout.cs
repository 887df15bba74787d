using System.Globalization;
using Docket.Domain.Staffing;

namespace Docket.Domain.Planning;

/// <summary>A team layout by role: a named template ("1+1+1") or members written out ("judge=1,clerk=2").</summary>
public sealed record TeamLayout(string Name, IReadOnlyDictionary<string, int> Members)
{
    /// <summary>Seats that hear cases: judges, division heads, vice-presidents, presidents.</summary>
    public int JudgeSeats => checked((int)RoleCatalog.JudgesAmong(Members));

    /// <summary>
    /// Reads a template name of <see cref="TeamTemplates"/> or <c>role=count,role=count</c> with roles of
    /// <paramref name="roles"/>.
    /// </summary>
    /// <exception cref="FormatException">The text is neither; the message says what is known.</exception>
    public static TeamLayout Parse(string text, RoleCatalog roles)
    {
        if (TeamTemplates.All.TryGetValue(text, out var template))
        {
            return new TeamLayout(text, template);
        }
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            throw new FormatException($"unknown team template '{text}' (known: {string.Join(", ", TeamTemplates.All.Keys)}; or members as role=count,role=count)");
        }
        var members = new Dictionary<string, int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new FormatException($"'{part}' in the template is not role=count with a whole number ≥ 0");
            }
            if (!roles.IsKnown(pieces[0]))
            {
                throw new FormatException($"'{pieces[0]}' in the template is not a role (known: {string.Join(", ", roles.Coefficients.Keys)})");
            }
            if (!members.TryAdd(pieces[0], count))
            {
                throw new FormatException($"role '{pieces[0]}' is given twice in the template");
            }
        }
        var layout = new TeamLayout(text, members);
        if (layout.JudgeSeats < 1)
        {
            throw new FormatException($"the template '{text}' has no member who hears cases (judge, division_head, vice_president or president)");
        }
        return layout;
    }
}
