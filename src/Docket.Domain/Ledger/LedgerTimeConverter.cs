using System.Text.Json;
using System.Text.Json.Serialization;

namespace Docket.Domain.Ledger;

/// <summary>
/// A ledger time: ISO 8601 with its offset (<c>Z</c> or <c>±hh:mm</c>), as the court writes it. A time without one is
/// refused: a parser reads it in the reading machine's own zone, so one ledger would name different moments on
/// different machines. Written as the serializer writes any <see cref="DateTimeOffset"/>, so an entry's text (and
/// its hash) is what it was.
/// </summary>
internal sealed class LedgerTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"a time is a string, not {reader.TokenType.ToString().ToLowerInvariant()}");
        }
        if (!HasOffset(reader))
        {
            throw new JsonException("not a time with its offset (ISO 8601, such as 2026-03-02T09:00:00+08:00 or 2026-03-02T01:00:00Z)");
        }
        if (!reader.TryGetDateTimeOffset(out var at))
        {
            var text = reader.GetString() ?? "";
            var shown = text.Length > 40 ? text[..40] + "…" : text;
            throw new JsonException($"'{shown}' is not an ISO 8601 time (such as 2026-03-02T09:00:00+08:00 or 2026-03-02T01:00:00Z, the Z in upper case)");
        }
        return at;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static bool HasOffset(Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> text = reader.HasValueSequence || reader.ValueIsEscaped
            ? System.Text.Encoding.UTF8.GetBytes(reader.GetString() ?? "")
            : reader.ValueSpan;
        var time = text.IndexOf((byte)'T');
        if (time < 0)
        {
            return false;
        }
        var rest = text[(time + 1)..];
        // A lower-case z names the offset too, though the parser refuses it: it is told as a malformed time, not a missing offset.
        return rest.EndsWith("Z"u8) || rest.EndsWith("z"u8) || rest.IndexOfAny((byte)'+', (byte)'-') >= 0;
    }
}
