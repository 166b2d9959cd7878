package dev.gophersite.ask.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.model.ModelSettings;
import dev.gophersite.common.Env;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AskWiringTest {

    @AfterEach
    void processEnvironment() {
        Env.useEnvironment(System.getenv());
    }

    @Test
    void each_retrieval_setting_names_its_configuration() {
        // when
        RetrievalOptions lexical = AskWiring.retrieval(AskSettings.Retrieval.LEXICAL);
        RetrievalOptions meaning = AskWiring.retrieval(AskSettings.Retrieval.MEANING);
        RetrievalOptions fused = AskWiring.retrieval(AskSettings.Retrieval.FUSED);

        // then: the model is only named here, it loads on first use
        assertThat(lexical.embedder()).isEmpty();
        assertThat(meaning.embedder()).isPresent();
        assertThat(meaning.fuseSemantic()).isFalse();
        assertThat(fused.embedder()).isPresent();
        assertThat(fused.fuseSemantic()).isTrue();
    }

    @Test
    void a_setting_that_cannot_be_read_stops_the_function_at_init_naming_it_and_what_it_accepts() {
        // a misspelt retrieval, an unknown model provider, a number that is not one: each fails, none falls back
        Env.useEnvironment(Map.of("RETRIEVAL", "lexcal"));
        assertThatThrownBy(AskSettings::fromEnv)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RETRIEVAL")
                .hasMessageContaining("[meaning, lexical, fused]")
                .hasMessageContaining("'lexcal'");
        Env.useEnvironment(Map.of("MODEL_PROVIDER", "openai"));
        assertThatThrownBy(ModelSettings::fromEnv)
                .hasMessageContaining("MODEL_PROVIDER")
                .hasMessageContaining("[ollama, bedrock, none]")
                .hasMessageContaining("'openai'");
        Env.useEnvironment(Map.of("MODEL_TIMEOUT_MILLIS", "10s"));
        assertThatThrownBy(ModelSettings::fromEnv)
                .hasMessageContaining("MODEL_TIMEOUT_MILLIS")
                .hasMessageContaining("whole number")
                .hasMessageContaining("'10s'");
    }

    @Test
    void settings_in_any_case_are_read() {
        Env.useEnvironment(Map.of("RETRIEVAL", "Lexical", "MODEL_PROVIDER", "BEDROCK"));
        assertThat(AskSettings.fromEnv().retrieval()).isEqualTo(AskSettings.Retrieval.LEXICAL);
        assertThat(ModelSettings.fromEnv().provider()).isEqualTo(ModelSettings.Provider.BEDROCK);
    }
}
