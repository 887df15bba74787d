namespace Docket.Server.Auth;

/// <summary>
/// A user as configured under <c>Docket:Auth:Users</c>: name, role, where they sit, and the API keys and bearer
/// tokens that identify them (each either the secret itself or <c>sha256:&lt;hex&gt;</c> of it).
/// </summary>
public sealed class UserAccount
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string? Court { get; set; }

    /// <summary>A team group (department) of the court: a division head's division.</summary>
    public string? Division { get; set; }

    public string? Team { get; set; }

    public List<string> ApiKeys { get; set; } = [];

    public List<string> Tokens { get; set; } = [];
}
