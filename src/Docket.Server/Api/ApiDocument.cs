using System.Text.Json.Nodes;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Supervision;
using Docket.Grains;
using Docket.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Docket.Server.Api;

/// <summary>
/// The OpenAPI document behind the API page (Scalar): title, the groups (tags) with their descriptions, the API key
/// and bearer schemes (required by every operation but the anonymous ones), the <c>Idempotency-Key</c> header on
/// filing, the <c>X-Party-Code</c> header of the parties' routes, request examples from the running scenario, and enums for the scenario's courts and case types, the risk
/// levels and the warning levels.
/// </summary>
internal sealed class ApiDocument(Organization organization) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer, IOpenApiSchemaTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    /// <summary>The risk levels a filing may carry (<c>flags.risk</c>).</summary>
    public static IReadOnlyList<string> RiskLevelNames { get; } = [.. Enum.GetNames<RiskLevel>().Select(n => n.ToLowerInvariant())];

    /// <summary>Every case type of the scenario the service runs, in the scenario's order.</summary>
    public IReadOnlyList<string> CaseTypes => [.. organization.Scenario.CaseTypes.Select(t => t.Id)];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = DocketAuthenticationHandler.ApiKeyHeader,
            Description = "An API key from the service's configuration (Docket:Auth:Users; users.example.json, or the keys --demo prints)",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A bearer token from the service's configuration (Docket:Auth:Users)",
        };
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Info.Title = "Docket live assignment service";
        document.Info.Description = $"Files cases of {organization.Scenario.Name} and assigns them by the court's policy, records process nodes, "
            + "unlocks and designations, and keeps an auditable, hash-chained assignment ledger. See docs/api.md.";
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // Anonymous operations carry no requirement (no lock on the API page); the others need a key or a token.
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
            ];
        }
        if (operation.OperationId == "FileCase")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = CaseEndpoints.IdempotencyHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Optional, 1 to 200 visible ASCII characters (no spaces). A filing retried with the same key (after a timeout, say) "
                    + "answers the case first filed with it (header Idempotent-Replayed: true) instead of filing a second; "
                    + "the same key with another filing is 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
                Example = JsonValue.Create("filing-2026-0001"),
            });
        }
        if (operation.OperationId is "PartyReadCase" or "PartyCaseEvents")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = PublicEndpoints.CodeHeader,
                In = ParameterLocation.Header,
                Required = true,
                Description = "The party's code, as the filing (or the registrar's re-issue) answered it: 16 base32 characters (case and dashes ignored). "
                    + "A wrong or missing code is answered as an unknown case (404), and counted against the client's address.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z2-7 -]{16,}$" },
            });
        }
        // A court is one of the scenario's (the first as the example, so that "Try it" works as it stands); a warning
        // level one of the watcher's.
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }
            if (parameter.Name == "court")
            {
                schema.Enum = [.. organization.CourtIds.Select(c => (JsonNode)JsonValue.Create(c))];
                parameter.Example = JsonValue.Create(organization.CourtIds[0]);
                parameter.Description ??= "A court of the scenario the service runs";
            }
            else if (parameter.Name == "kind" && operation.OperationId == "CourtReport")
            {
                schema.Enum = [.. Docket.Domain.Reports.ReportKinds.ByName.Keys.Select(k => (JsonNode)JsonValue.Create(k))];
                parameter.Description ??= "The report: daily-check, past-limit, assignments, caseload or rankings";
            }
            else if (parameter.Name == "period" && operation.OperationId == "CourtReport")
            {
                parameter.Description ??= "The period, as the report takes it: a day yyyy-MM-dd (daily-check, today only), an ISO week yyyy-Www "
                    + "(past-limit, this week only), a month yyyy-MM (assignments, caseload), a quarter yyyy-Qn or a year yyyy (rankings); default the current one";
            }
            else if (parameter.Name == "level" && operation.OperationId == "CourtWarnings")
            {
                schema.Enum = [.. WarningLevels.All.Select(l => (JsonNode)JsonValue.Create(WarningLevels.NameOf(l)))];
                parameter.Description ??= "Only the warnings of this level";
            }
        }
        if (Example(operation.OperationId) is { } example && operation.RequestBody?.Content is { } content
            && content.TryGetValue("application/json", out var media) && media is OpenApiMediaType json)
        {
            json.Example = example;
        }
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(FileCaseRequest) && schema.Properties?.TryGetValue("type", out var caseType) == true && caseType is OpenApiSchema s)
        {
            s.Type = JsonSchemaType.String;
            s.Enum = [.. CaseTypes.Select(t => (JsonNode)JsonValue.Create(t))];
            s.Description = "A case type of the scenario the service runs";
            // Only the type is required: flags may be left out.
            schema.Required = new HashSet<string> { "type" };
        }
        if (type == typeof(CaseFlags) && schema.Properties?.TryGetValue("risk", out var risk) == true && risk is OpenApiSchema r)
        {
            r.Enum = [.. RiskLevelNames.Select(t => (JsonNode)JsonValue.Create(t))];
            r.Description = "none (default), ordinary, larger or major: larger and major are designated to a leader's team";
        }
        if (type == typeof(MeetingReferralRequest) && schema.Properties?.TryGetValue("trigger", out var trigger) == true && trigger is OpenApiSchema t)
        {
            t.Type = JsonSchemaType.String;
            t.Enum = [.. Docket.Domain.Supervision.MeetingTriggers.All.Select(x => (JsonNode)JsonValue.Create(x))];
            t.Description = "Why the case goes to a professional judges' meeting; leader_disagrees only by a division head or the president";
        }
        return Task.CompletedTask;
    }

    /// <summary>A request body that works against the running scenario's first court.</summary>
    private JsonNode? Example(string? operationId)
    {
        var court = organization.Court(organization.CourtIds[0])!;
        var type = court.CaseTypes[0];
        var node = type.Nodes.Count > 0 ? type.Nodes[0].Id : "closure";
        var team = court.Layout.Teams[^1].Id;
        return operationId switch
        {
            "FileCase" => new JsonObject { ["type"] = type.Id, ["flags"] = new JsonObject { ["flagged"] = false, ["risk"] = "none" } },
            "ReportNode" => new JsonObject { ["node"] = node },
            "UnlockCase" => new JsonObject { ["reason"] = "hearing rescheduled at the parties' request" },
            "DesignateCase" => new JsonObject { ["team"] = team, ["reason"] = "conflict of interest" },
            "ExtendTimeLimit" => new JsonObject { ["days"] = 30, ["reason"] = "expert report pending" },
            "RecordAbsence" => new JsonObject { ["from"] = "2027-07-01T00:00:00Z", ["to"] = "2027-07-15T00:00:00Z", ["reason"] = "annual leave" },
            "WithdrawAbsence" => new JsonObject { ["reason"] = "back early" },
            "ReferToMeeting" => new JsonObject { ["trigger"] = "panel_split", ["reason"] = "two against one on liability" },
            "RecordMeetingHeld" => new JsonObject { ["adopted"] = true },
            "RecordCommitteeDecision" => new JsonObject { ["reason"] = "the meeting's majority view stands" },
            _ => null,
        };
    }
}
