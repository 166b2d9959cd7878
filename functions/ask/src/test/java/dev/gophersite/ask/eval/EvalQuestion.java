package dev.gophersite.ask.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.question.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of an evaluation set. {@code facts} is a list of fact groups; a group is found in a text when any of
 * its alternatives occurs in it (case-insensitive). {@code kind} is {@code covered} where a set does not say.
 */
public record EvalQuestion(
        String id, String kind, String question, boolean expectAnswer, List<List<String>> facts, List<Turn> history) {

    public static List<EvalQuestion> load(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        List<EvalQuestion> questions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                List<List<String>> facts = new ArrayList<>();
                for (JsonNode group : node.path("facts")) {
                    List<String> alternatives = new ArrayList<>();
                    group.forEach(alternative -> alternatives.add(alternative.asText()));
                    facts.add(List.copyOf(alternatives));
                }
                List<Turn> history = new ArrayList<>();
                for (JsonNode turn : node.path("history")) {
                    history.add(new Turn(
                            "user".equals(turn.path("role").asText()) ? Turn.Role.USER : Turn.Role.ASSISTANT,
                            turn.path("content").asText()));
                }
                boolean answer = !"refuse".equals(node.path("expect").asText());
                String kind = node.path("kind").asText(answer ? "covered" : "uncovered");
                questions.add(new EvalQuestion(
                        node.path("id").asText(),
                        kind,
                        node.path("question").asText(),
                        answer,
                        List.copyOf(facts),
                        List.copyOf(history)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return questions;
    }

    public static boolean found(List<String> group, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return group.stream().anyMatch(alternative -> lower.contains(alternative.toLowerCase(Locale.ROOT)));
    }

    public boolean allFound(String text) {
        return facts.stream().allMatch(group -> found(group, text));
    }
}
