using System.Runtime.CompilerServices;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

// The live service's tests drive the court's state machine directly as well as through the API.
[assembly: InternalsVisibleTo("Docket.Server.Tests")]
