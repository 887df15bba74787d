using Orleans;

namespace Docket.Domain.Quality;

/// <summary>
/// A live court's quality review of one year's files (case 166: at least one closed file of each judge a year): each
/// judge's files closed that year, held for a draw, whether a draw drew one, and how many were reviewed; and the
/// judges who closed files that year with none reviewed yet.
/// </summary>
/// <param name="Year">The UTC calendar year the files closed in.</param>
/// <param name="HoldsFiles">Whether the court holds each judge's file of the year at closure for the next draw.</param>
/// <param name="WithoutReview">The judges who closed files in the year with none reviewed yet (a finding recorded).</param>
[GenerateSerializer, Immutable, Alias("docket.quality.year")]
public sealed record QualityYear(
    [property: Id(0)] string Court,
    [property: Id(1)] int Year,
    [property: Id(2)] bool HoldsFiles,
    [property: Id(3)] IReadOnlyList<JudgeReviewYear> Judges,
    [property: Id(4)] IReadOnlyList<string> WithoutReview);

/// <summary>One judge's files of the year under quality review.</summary>
/// <param name="Closed">Files the judge closed in the year.</param>
/// <param name="Held">Of those, the files held now for the next draw.</param>
/// <param name="Drawn">Whether a draw has drawn one of them.</param>
/// <param name="Reviewed">Of those drawn, the files whose review has been recorded (a finding).</param>
[GenerateSerializer, Immutable, Alias("docket.quality.judge-year")]
public sealed record JudgeReviewYear(
    [property: Id(0)] string Judge,
    [property: Id(1)] string Team,
    [property: Id(2)] int Closed,
    [property: Id(3)] int Held,
    [property: Id(4)] bool Drawn,
    [property: Id(5)] int Reviewed);
