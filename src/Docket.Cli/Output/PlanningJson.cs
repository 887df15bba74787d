using System.Text.Encodings.Web;
using System.Text.Json;
using Docket.Domain.Statistics;

namespace Docket.Cli.Output;

/// <summary>JSON of the planning commands: summary.json's snake_case, with '+' and non-ASCII text written as is.</summary>
internal static class PlanningJson
{
    private static readonly JsonSerializerOptions s_options = new(SummaryJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, s_options);
}
