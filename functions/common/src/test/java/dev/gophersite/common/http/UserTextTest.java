package dev.gophersite.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void invisible_format_characters_and_unpaired_surrogates_are_refused() {
        for (String text : List.of(
                "\u200b",
                "What\u200b is Go?",
                "\ufeffWhat is Go?",
                "co\u00adoperate",
                "a\u2060b",
                "\u202eog si tahW",
                "\u2066x\u2069",
                "\u200eGo",
                "\ud800 what",
                "what \udc00",
                "\udc00\ud800")) {
            assertThat(UserText.problem("The question", text, 1000))
                    .as("U+%04X", (int) text.charAt(0))
                    .isPresent();
        }
    }

    @Test
    void text_people_write_passes_joiners_and_emoji_included() {
        for (String text : List.of(
                "What is Go?",
                "Qu'est-ce que Go ?",
                "Go とは何ですか",
                "می\u200cخواهم",
                "👨\u200d👩\u200d👧 family",
                "line one\nline two",
                "🙂 what is a goroutine")) {
            assertThat(UserText.problem("The question", text, 1000)).as(text).isEmpty();
        }
    }

    @Test
    void a_question_needs_a_letter_or_a_digit() {
        assertThat(UserText.nothingToLookUp("The query", "?!"))
                .contains("The query needs at least one letter or digit.");
        assertThat(UserText.nothingToLookUp("The query", "\u0301")).isPresent();
        assertThat(UserText.nothingToLookUp("The query", "🙂")).isPresent();
        assertThat(UserText.nothingToLookUp("The query", "Go 1.22")).isEmpty();
        assertThat(UserText.nothingToLookUp("The query", "é")).isEmpty();
    }

    @Test
    void cache_keys_of_texts_that_differ_only_where_utf8_would_write_a_question_mark_differ() {
        // given: UTF-8 writes each unpaired surrogate as '?'
        assertThat("\ud800 what".getBytes(StandardCharsets.UTF_8)).isEqualTo("? what".getBytes(StandardCharsets.UTF_8));

        // then the hashes still differ, from each other and between two different surrogates
        assertThat(Hashes.sha256Hex("\ud800 what"))
                .isNotEqualTo(Hashes.sha256Hex("? what"))
                .isNotEqualTo(Hashes.sha256Hex("\udbff what"));
        // and well-formed text hashes as before, as UTF-8 followed by a NUL byte
        assertThat(Hashes.sha256Hex("What is Go?", "v1"))
                .isEqualTo(Hashes.sha256Hex("What is Go?\u0000v1\u0000".getBytes(StandardCharsets.UTF_8)));
    }
}
