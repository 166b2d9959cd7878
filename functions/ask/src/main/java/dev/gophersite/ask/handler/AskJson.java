package dev.gophersite.ask.handler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.gophersite.ask.record.Answer;
import dev.gophersite.ask.record.SearchResults;
import dev.gophersite.ask.record.Source;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes the response bodies with Jackson's streaming generator: fixed field order, no reflection at start-up,
 * and {@code <>&} escaped like every other JSON body of the site, so a body can never be read as markup.
 */
public final class AskJson {
    private static final JsonFactory FACTORY =
            new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build();

    private AskJson() {}

    public static String answer(Answer answer) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("answer", answer.answer());
            json.writeBooleanField("grounded", answer.grounded());
            json.writeStringField("mode", answer.mode().wire());
            writeSources(json, "sources", answer.sources());
            json.writeStringField("model", answer.model());
            json.writeObjectFieldStart("timingsMs");
            for (Map.Entry<String, Long> timing : answer.timingsMs().entrySet()) {
                json.writeNumberField(timing.getKey(), timing.getValue());
            }
            json.writeEndObject();
            json.writeStringField("id", answer.id());
            json.writeBooleanField("cached", answer.cached());
            json.writeEndObject();
        });
    }

    public static String search(SearchResults results) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("query", results.query());
            writeSources(json, "results", results.results());
            json.writeEndObject();
        });
    }

    private static void writeSources(JsonGenerator json, String field, List<Source> sources) throws IOException {
        json.writeArrayFieldStart(field);
        for (Source s : sources) {
            json.writeStartObject();
            json.writeStringField("slug", s.slug());
            json.writeStringField("title", s.title());
            json.writeStringField("section", s.section());
            json.writeStringField("url", s.url());
            json.writeStringField("text", s.text());
            json.writeNumberField("score", s.score());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // line and paragraph separators end a line in JavaScript source
            if (ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
