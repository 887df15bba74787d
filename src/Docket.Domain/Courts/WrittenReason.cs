using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Docket.Domain.Courts;

/// <summary>
/// When a command's reason counts as written: it has at least one visible character — not only white space, control
/// characters (<c>\u0000</c>, a bell) or invisible format characters (a zero-width space or joiner). A designation, an
/// absence, an extension, a conversion request, a referral to a meeting and a committee decision each need one; an
/// optional reason that is not written is recorded as none.
/// </summary>
/// <remarks>
/// Only the commands apply it. A ledger's verification asks of an entry that needs a reason only that it is not
/// blank, as earlier versions recorded them, so a ledger written before this rule still verifies.
/// </remarks>
public static class WrittenReason
{
    public static bool Is([NotNullWhen(true)] string? reason)
    {
        if (reason is null)
        {
            return false;
        }
        foreach (var rune in reason.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>An optional reason as recorded: the reason when written, otherwise none.</summary>
    public static string? OrNone(string? reason) => Is(reason) ? reason : null;
}
