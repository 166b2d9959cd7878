package dev.gophersite.ask.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClausesTest {

    @Test
    void a_message_of_many_questions_is_split_into_at_most_a_few_clauses() {
        // given 200 questions in one message
        String message = "what is the weather in paris? ".repeat(199) + "how big is a goroutine stack?";

        // when
        List<String> clauses = Clauses.of(message);

        // then the first few are kept, in order
        assertThat(clauses).hasSize(Clauses.MAX_CLAUSES).allMatch(c -> c.equals("what is the weather in paris"));
    }

    @Test
    void a_mixed_message_keeps_each_of_its_clauses() {
        assertThat(Clauses.of("how big is a goroutine stack and what's the weather in paris?"))
                .containsExactly("how big is a goroutine stack", "what's the weather in paris");
    }
}
