using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// What a four-type case needs before its closing stage (rules version 5, <see cref="CourtRules.FourTypeMeetingVersion"/>):
/// the president refers it, records its meeting held and releases its minutes. In a court whose papers go out the
/// day of the meeting (<c>papers_days: 0</c>) all three at one moment; nothing for a case no meeting is required of.
/// </summary>
internal static class FourTypeMeeting
{
    public static IEnumerable<CommandEffect> BeforeClosing(CourtState live, long number, DateTimeOffset at)
    {
        if (live.Case(number)?.Meeting is not { Stage: MeetingStage.Required })
        {
            yield break;
        }
        yield return Refer(live, number, at);
        foreach (var effect in Release(live, number, at))
        {
            yield return effect;
        }
    }

    /// <summary>The president refers the case to its meeting (its papers go out).</summary>
    public static CommandEffect Refer(CourtState live, long number, DateTimeOffset at) =>
        CourtCommands.Meeting(live, number, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.FourType, "a four-type case"), President(live), at);

    /// <summary>The president records the meeting held, the panel adopting its majority, and releases the minutes.</summary>
    public static IEnumerable<CommandEffect> Release(CourtState live, long number, DateTimeOffset at)
    {
        yield return CourtCommands.Meeting(live, number, new MeetingStep(MeetingStepKind.Held, Adopted: true), President(live), at);
        yield return CourtCommands.Meeting(live, number, new MeetingStep(MeetingStepKind.Release), President(live), at);
    }

    /// <summary>
    /// A four-type case's meeting as a court runs it when the case's work is done: the first time referred (its papers
    /// go out), then heard and released once the papers have been out the court's papers' week. Appends the entries
    /// to <paramref name="lines"/>; whether the case may close now (a case no meeting is required of always may).
    /// </summary>
    public static bool MayClose(CourtState live, long number, DateTimeOffset at, List<string> lines)
    {
        switch (live.Case(number)?.Meeting)
        {
            case { Stage: MeetingStage.Required }:
                var referred = Refer(live, number, at);
                Assert.True(referred.Refused is null, referred.Refused?.Error);
                lines.AddRange(referred.Records.Select(r => r.Json));
                return false;
            case { Stage: MeetingStage.Referred } hold:
                if (hold.ReferredAt.AddDays(live.PapersDays) > at)
                {
                    return false;
                }
                foreach (var effect in Release(live, number, at))
                {
                    Assert.True(effect.Refused is null, effect.Refused?.Error);
                    lines.AddRange(effect.Records.Select(r => r.Json));
                }
                return true;
            default:
                return true;
        }
    }

    private static Actor President(CourtState live) => new("president", UserRoles.President, live.Court.Id, null, null);
}
