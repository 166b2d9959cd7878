package dev.gophersite.ask.wiring;

import dev.gophersite.ask.retrieval.RetrievalOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AskWiringTest {

    @Test
    void each_retrieval_setting_names_its_configuration() {
        // when
        RetrievalOptions lexical = AskWiring.retrieval("lexical");
        RetrievalOptions meaning = AskWiring.retrieval("meaning");
        RetrievalOptions fused = AskWiring.retrieval("fused");

        // then: the model is only named here, it loads on first use
        assertThat(lexical.embedder()).isEmpty();
        assertThat(meaning.embedder()).isPresent();
        assertThat(meaning.fuseSemantic()).isFalse();
        assertThat(fused.embedder()).isPresent();
        assertThat(fused.fuseSemantic()).isTrue();
    }

    @Test
    void a_misspelt_retrieval_setting_stops_the_function_at_init() {
        assertThatThrownBy(() -> AskWiring.retrieval("lexcal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lexcal'");
    }
}
