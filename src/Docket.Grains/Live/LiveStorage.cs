using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
namespace Docket.Grains.Live;

/// <summary>The name of the grain storage live grains persist to (SQLite by default, memory on request).</summary>
public static class LiveStorage
{
    public const string Name = "docket";
}
