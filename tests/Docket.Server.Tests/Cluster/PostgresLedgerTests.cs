namespace Docket.Server.Tests.Cluster;

/// <summary>
/// The ledger tests (<see cref="LedgerTests"/>) with the ledger in PostgreSQL: an entry changed in
/// <c>docket.ledger</c> — its text alone, or its text and hash — is found by verification.
/// </summary>
public sealed class PostgresLedgerTests : LedgerTests, IUsesClusterStores
{
    private PostgresDatabase? _database;

    protected override async Task<DocketFactory> CreateFactoryAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        return new DocketFactory(settings: PostgresApiFixture.PostgresSettings(_database));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<string> ReadEntryAsync(long seq) =>
        (string)(await _database!.ScalarAsync("SELECT entry_text FROM docket.ledger WHERE court = 'live' AND seq = $1", seq))!;

    protected override async Task WriteEntryAsync(long seq, string json, bool rehash)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
        var changed = rehash
            ? await _database!.ExecuteAsync("UPDATE docket.ledger SET entry_text = $1, hash = $2 WHERE court = 'live' AND seq = $3", json, hash, seq)
            : await _database!.ExecuteAsync("UPDATE docket.ledger SET entry_text = $1 WHERE court = 'live' AND seq = $2", json, seq);
        Assert.Equal(1, changed);
    }
}
