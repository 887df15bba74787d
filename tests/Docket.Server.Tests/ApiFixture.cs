namespace Docket.Server.Tests;

/// <summary>One server (memory storage, unless a derived fixture says otherwise) for the API and auth tests: started once for the collection.</summary>
public class ApiFixture : IAsyncLifetime
{
    private DocketFactory? _factory;

    public DocketFactory Factory => _factory ?? throw new InvalidOperationException("this fixture's server was not started");

    public async Task InitializeAsync()
    {
        _factory = await CreateFactoryAsync();
        // Starts the host (and the silo, and warms the court up).
        _factory?.CreateClient().Dispose();
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>The server of the collection; null when its tests are all skipped.</summary>
    protected virtual Task<DocketFactory?> CreateFactoryAsync() => Task.FromResult<DocketFactory?>(new DocketFactory());
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
