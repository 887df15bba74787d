namespace Docket.Domain.Access;

/// <summary>How far a role's permission reaches.</summary>
public enum Reach
{
    /// <summary>The actor's court, or every court when the account names none (auditors, admins).</summary>
    Unbound,

    /// <summary>The actor's own court.</summary>
    Court,

    /// <summary>The actor's own division of their court (both ends of a designation).</summary>
    Division,

    /// <summary>The actor's own team.</summary>
    OwnTeam,

    /// <summary>The actor's own team, or any team of the court when the account names none (a court clerk).</summary>
    TeamOrCourt,

    /// <summary>Every court at once: only an account that names no court (what it opens cannot be narrowed to one).</summary>
    EveryCourt,
}
