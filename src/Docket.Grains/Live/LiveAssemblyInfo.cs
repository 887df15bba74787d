using System.Runtime.CompilerServices;

// The live service's tests drive the court's state machine directly as well as through the API.
[assembly: InternalsVisibleTo("Docket.Server.Tests")]
