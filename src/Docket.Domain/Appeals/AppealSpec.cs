namespace Docket.Domain.Appeals;

/// <summary>
/// A court's appeals (<c>courts[].appeals</c>): a share of each listed case type's closures goes to the court above
/// (<see cref="To"/>), whose file reaches it <see cref="UpDays"/> after closure and, once the appeal is decided,
/// comes back <see cref="BackDays"/> after that; the court above files it as a case of the route's appeal type.
/// </summary>
public sealed record AppealSpec(string To, double UpDays, double BackDays, IReadOnlyList<AppealRoute> Routes);

/// <summary>Of the closures of <see cref="Type"/>, <see cref="Share"/> are appealed and filed above as <see cref="AppealType"/>.</summary>
public sealed record AppealRoute(string Type, double Share, string AppealType);
