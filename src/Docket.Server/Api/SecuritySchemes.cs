using Docket.Server.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Docket.Server.Api;

/// <summary>Declares the API key header and bearer tokens in the OpenAPI document, so the Scalar UI can send them.</summary>
internal sealed class SecuritySchemes : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = DocketAuthenticationHandler.ApiKeyHeader,
            Description = "An API key from the service's configuration (Docket:Auth:Users)",
        };
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A bearer token from the service's configuration (Docket:Auth:Users)",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        document.Info.Title = "Docket live assignment service";
        document.Info.Description = "Files cases and assigns them by the court's policy, records process nodes, unlocks and designations, and keeps an auditable, hash-chained assignment ledger. See docs/api.md.";
        return Task.CompletedTask;
    }
}
