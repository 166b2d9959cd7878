package dev.gophersite.loader;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.PageSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a load changed, as the edge sees it: the pages whose own content changed (added, removed or edited), and
 * whether the site's page list did (titles, summaries, navigation labels, order), which every HTML page shows.
 */
public record ContentChange(Set<String> pages, boolean index) {
    public static final ContentChange NONE = new ContentChange(Set.of(), false);

    public ContentChange {
        pages = Set.copyOf(pages);
    }

    public boolean isEmpty() {
        return pages.isEmpty() && !index;
    }

    static ContentChange between(Map<String, Page> before, List<Page> after) {
        Set<String> changed = new TreeSet<>(before.keySet());
        for (Page page : after) {
            Page old = before.get(page.slug());
            if (old != null && old.hash().equals(page.hash())) {
                changed.remove(page.slug());
            } else {
                changed.add(page.slug());
            }
        }
        boolean index = !summaries(before.values()).equals(summaries(after));
        return new ContentChange(changed, index);
    }

    private static List<PageSummary> summaries(java.util.Collection<Page> pages) {
        return pages.stream()
                .map(Page::summaryView)
                .sorted(Comparator.comparingInt(PageSummary::order).thenComparing(PageSummary::slug))
                .toList();
    }
}
