using System.Text.Json;
using System.Text.Json.Serialization;
using Ict.Abstractions;
using Ict.Engine.Events;

namespace Ict.Engine.State;

/// <summary>
/// Writes every event except CandleClosed (the candles table holds those) to the event journal; pattern events only
/// when asked to (the patterns table holds each pattern's latest state either way).
/// </summary>
internal sealed class JournalSink(StateStore store, long runId, bool journalPatterns = true) : IEventSink
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(), new SymbolConverter(), new IntervalConverter() },
    };

    private long _seq;

    public void Handle(EngineEvent engineEvent)
    {
        _seq++;
        if (engineEvent is CandleClosed || (!journalPatterns && engineEvent is OrderBlockDetected or FvgDetected or PatternDetected or PatternUpdated))
        {
            return;
        }

        store.AppendEvent(runId, _seq, engineEvent.Time, engineEvent.Type.ToString(), JsonSerializer.Serialize(engineEvent, engineEvent.GetType(), Json));
    }

    private sealed class SymbolConverter : JsonConverter<Symbol>
    {
        public override Symbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    private sealed class IntervalConverter : JsonConverter<Interval>
    {
        public override Interval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Interval.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Interval value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
    }
}
