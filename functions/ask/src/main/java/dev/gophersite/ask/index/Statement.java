package dev.gophersite.ask.index;

import java.util.Set;

/**
 * One thing a passage says: a sentence of prose, a table row read with its header, a code comment, or the heading
 * of a section (which often carries the fact itself: "2018-08: 1.11 — Go Modules"). The unit extractive answers
 * quote and the grounding check weighs. A signpost is a sentence that points at the rest of its page ("the
 * projects below") and gives no number of its own: on the page it leads somewhere, quoted in a chat answer it says
 * nothing.
 *
 * @param passage position of its passage in the index
 * @param terms   analysed terms of the text
 */
public record Statement(int passage, String text, Form form, Set<String> terms) {

    public enum Form {
        PROSE(1.0),
        ROW(0.8),
        COMMENT(0.5),
        HEADING(0.7),
        SIGNPOST(0.5);

        /** How much a match counts: a comment in code, a bare heading or a signpost says less than a sentence. */
        private final double weight;

        Form(double weight) {
            this.weight = weight;
        }

        public double weight() {
            return weight;
        }
    }
}
