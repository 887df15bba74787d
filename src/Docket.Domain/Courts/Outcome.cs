using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
namespace Docket.Domain.Courts;

/// <summary>How a command ended; the HTTP layer maps it to a status code.</summary>
public enum Outcome
{
    Ok,
    Created,
    NotFound,

    /// <summary>The request is well-formed but names something wrong (unknown type, missing reason): 422.</summary>
    Invalid,

    /// <summary>The request conflicts with the case's state (out of order, locked, not locked): 409.</summary>
    Conflict,

    /// <summary>The user may not do this to this case: 403.</summary>
    Forbidden,
}
