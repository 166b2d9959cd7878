package dev.gophersite.ask.grounding;

import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.question.Clauses;
import dev.gophersite.ask.question.Question;
import dev.gophersite.ask.question.QuestionReader;
import dev.gophersite.ask.retrieval.Retrieval;
import dev.gophersite.ask.retrieval.Retriever;
import java.util.ArrayList;
import java.util.List;

/**
 * Retrieves for a question and judges whether the site answers it, clause by clause for a message that asks several
 * things: "how big is a goroutine stack and what's the weather in paris?" is answered about the stack, and the
 * weather is named as not covered.
 */
public final class Gate {
    /** A clause must name its own subject to be answered or reported: "is it called go?" is neither. */
    static final int MIN_CLAUSE_TERMS = 2;

    private final GroundingCheck check;

    public Gate(GroundingCheck check) {
        this.check = check;
    }

    public Assessment assess(SearchIndex index, Question question) {
        Retrieval retrieval = Retriever.retrieve(index, question);
        GroundingVerdict verdict = check.assess(retrieval);
        List<String> clauses = question.followUp() || !question.english() ? List.of() : Clauses.of(question.asked());
        if (clauses.size() < 2) {
            return new Assessment(retrieval, verdict, List.of());
        }
        Assessment answered = null;
        List<String> uncovered = new ArrayList<>();
        QuestionReader reader = new QuestionReader(index.lexical());
        for (String clause : clauses) {
            Retrieval part = Retriever.retrieve(index, reader.read(clause, List.of()));
            GroundingVerdict partVerdict = check.assess(part);
            if (partVerdict.evidence().distinctiveTerms().size() < MIN_CLAUSE_TERMS) {
                continue;
            }
            if (!partVerdict.grounded()) {
                uncovered.add(clause);
            } else if (answered == null) {
                answered = new Assessment(part, partVerdict, List.of());
            }
        }
        if (verdict.grounded()) {
            return new Assessment(retrieval, verdict, uncovered);
        }
        if (answered != null) {
            return new Assessment(answered.retrieval(), answered.verdict(), uncovered);
        }
        return new Assessment(retrieval, verdict, List.of());
    }
}
