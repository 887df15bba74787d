namespace Docket.Server.Tests;

/// <summary>One server (memory storage) for the API and auth tests: started once for the collection.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public DocketFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        // Starts the host (and the silo, and warms the court up).
        Factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
