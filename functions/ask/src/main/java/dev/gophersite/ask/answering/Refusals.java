package dev.gophersite.ask.answering;

import dev.gophersite.ask.grounding.GroundingVerdict;
import dev.gophersite.ask.index.Passage;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a refusal says, and the closest pages it offers instead. */
public final class Refusals {
    public static final String NOT_COVERED = "I can only answer questions about Go that this site's pages cover, "
            + "and I could not find this one there. The closest pages are listed as sources.";
    public static final String ENGLISH_ONLY = "This site's pages are in English, and I could not match your question "
            + "to them. Please ask in English; the closest pages are listed as sources.";
    static final int CLOSEST_PAGES = 3;

    private Refusals() {}

    public static String text(GroundingVerdict verdict) {
        return verdict.reason().equals(GroundingVerdict.OTHER_LANGUAGE) ? ENGLISH_ONLY : NOT_COVERED;
    }

    /** One passage per page, best first; with no match at all, the site's first pages, so there is somewhere to go. */
    public static List<RankedPassage> closestPages(Retrieval retrieval) {
        List<RankedPassage> closest = new ArrayList<>();
        Set<String> pages = new HashSet<>();
        for (RankedPassage ranked : retrieval.ranked()) {
            if (closest.size() < CLOSEST_PAGES && pages.add(ranked.passage().slug())) {
                closest.add(ranked);
            }
        }
        if (closest.isEmpty()) {
            List<Passage> all = retrieval.lexical().passages();
            for (int i = 0; i < all.size() && closest.size() < CLOSEST_PAGES; i++) {
                if (pages.add(all.get(i).slug())) {
                    closest.add(new RankedPassage(all.get(i), i, closest.size() + 1, 0));
                }
            }
        }
        return closest;
    }
}
