package dev.gophersite.ask.index;

import java.util.List;

/**
 * The vectors of one site version, in index order, all from one model.
 *
 * @param passages   one per passage when the ranking fuses meaning in; empty otherwise
 * @param statements one per statement
 * @param questions  one per authored question
 */
public record Vectors(String model, List<float[]> passages, List<float[]> statements, List<float[]> questions) {

    public Vectors {
        passages = List.copyOf(passages);
        statements = List.copyOf(statements);
        questions = List.copyOf(questions);
    }

    /** The texts every statement of a version is embedded as, in index order; see {@link #statementText}. */
    public static List<String> statementTexts(List<Passage> passages, List<Statement> statements) {
        return statements.stream()
                .map(s -> statementText(passages.get(s.passage()), s))
                .toList();
    }

    /** The text a statement is embedded as: with its section heading, which says what it is about. */
    private static String statementText(Passage passage, Statement statement) {
        return statement.form() == Statement.Form.HEADING
                ? statement.text()
                : passage.heading() + ": " + statement.text();
    }
}
