package dev.gophersite.common.content;

import java.util.List;
import java.util.Locale;

/**
 * How a page is shown: declared in its Markdown (front matter {@code nav}, {@code badge}, {@code layout}, and
 * heading attributes such as {@code ## Highlights {.hero}}), checked by the loader and stored with the page.
 * Presentation only: retrieval reads the sections, never this.
 *
 * @param navLabel short label for the site navigation
 * @param badge    code-style label shown with the title ({@code WhyGo}), or {@code ""}
 * @param layout   how the page's sections are arranged
 * @param sections the sections that are not plain ones, by section id
 */
public record Presentation(String navLabel, String badge, Layout layout, List<SectionLook> sections) {

    public Presentation {
        sections = List.copyOf(sections);
    }

    /** How a page's sections are arranged. */
    public enum Layout {
        /** Sections one after the other, with a table of contents. */
        ARTICLE,
        /** The introduction is a hero, with the sections marked {@link Role#HERO} inside it; no table of contents. */
        HERO,
        /** Each section is a card in a grid, unless marked otherwise. */
        CARDS,
        /** Each section is a dated entry of a vertical timeline. */
        TIMELINE;

        public String wire() {
            return Presentation.wire(this);
        }

        public static Layout fromWire(String value) {
            return Presentation.fromWire(values(), value, ARTICLE);
        }
    }

    /**
     * What one section is on its page: an ordinary section, part of the hero, a card, a card across the whole grid,
     * or a timeline entry.
     */
    public enum Role {
        PLAIN,
        HERO,
        CARD,
        WIDE_CARD,
        ENTRY;

        public String wire() {
            return Presentation.wire(this);
        }

        public static Role fromWire(String value) {
            return Presentation.fromWire(values(), value, PLAIN);
        }
    }

    /**
     * @param badge code-style label shown with the heading, or {@code ""}
     * @param date  a timeline entry's date, {@code 2007} or {@code 2007-09}, or {@code ""}
     * @param label a timeline entry's heading without its date, or {@code ""}
     */
    public record SectionLook(String id, Role role, String badge, String date, String label) {
        public static SectionLook plain(String id) {
            return new SectionLook(id, Role.PLAIN, "", "", "");
        }
    }

    /** A page without declared presentation: an article listed under its title. */
    public static Presentation article(String title) {
        return new Presentation(title, "", Layout.ARTICLE, List.of());
    }

    public SectionLook look(String sectionId) {
        for (SectionLook look : sections) {
            if (look.id().equals(sectionId)) {
                return look;
            }
        }
        return SectionLook.plain(sectionId);
    }

    /** How a value is written in front matter and stored: its name in lower case. */
    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The value written as {@code wire}; anything else (an item from a later release) reads as {@code fallback}. */
    private static <E extends Enum<E>> E fromWire(E[] values, String wire, E fallback) {
        for (E value : values) {
            if (wire(value).equals(wire)) {
                return value;
            }
        }
        return fallback;
    }
}
