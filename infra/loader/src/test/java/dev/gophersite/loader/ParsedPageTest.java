package dev.gophersite.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Presentation.Layout;
import dev.gophersite.common.content.Presentation.Role;
import dev.gophersite.common.content.Presentation.SectionLook;
import dev.gophersite.common.content.Section;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedPageTest {
    private static final ParsedPage PAGE = new ParsedPage(
            "sample",
            "Sample",
            "A sample.",
            2,
            List.of(
                    new Section("intro", "Sample", "<p>Hi.</p>", "Hi.", List.of("what is the sample?")),
                    new Section("more", "More", "<p>More.</p>", "More.")),
            new Presentation(
                    "Short",
                    "Badge",
                    Layout.CARDS,
                    List.of(
                            new SectionLook("more", Role.CARD, "Tag", "2007-09", "More"),
                            new SectionLook("other", Role.PLAIN, "", "", ""))));

    @Test
    void hash_is_stable_for_equal_pages() {
        // when
        ParsedPage copy = new ParsedPage(
                PAGE.slug(),
                PAGE.title(),
                PAGE.summary(),
                PAGE.order(),
                List.copyOf(PAGE.sections()),
                new Presentation(
                        PAGE.presentation().navLabel(),
                        PAGE.presentation().badge(),
                        PAGE.presentation().layout(),
                        List.copyOf(PAGE.presentation().sections())));

        // then
        assertThat(copy.hash()).isEqualTo(PAGE.hash()).hasSize(16);
    }

    @Test
    void every_field_of_the_page_its_sections_and_its_presentation_changes_the_hash()
            throws ReflectiveOperationException {
        // given every variant of the page that differs in exactly one value, found by reflection down through the
        // records it holds (and the first item of each list), so that a component added later is covered without
        // editing this test
        List<Record> variants = variants(PAGE);

        // then: slug, title, summary, order; the sections list and each component of a section; the presentation's
        // label, badge and layout, its list of looks and each component of a look
        assertThat(variants)
                .hasSize(4
                        + 1
                        + Section.class.getRecordComponents().length
                        + 3
                        + 1
                        + SectionLook.class.getRecordComponents().length);
        assertThat(variants)
                .allSatisfy(variant -> assertThat(((ParsedPage) variant).hash()).isNotEqualTo(PAGE.hash()));
    }

    @Test
    void a_page_declaring_no_presentation_is_an_article_under_its_title() {
        // when
        ParsedPage plain = new ParsedPage("s", "A title", "x", 1, PAGE.sections());

        // then
        assertThat(plain.presentation()).isEqualTo(Presentation.article("A title"));
        assertThat(plain.presentation().navLabel()).isEqualTo("A title");
        assertThat(plain.presentation().layout()).isEqualTo(Layout.ARTICLE);
    }

    /** Copies of {@code record}, each with one leaf value changed, recursing into records and the first list item. */
    @SuppressWarnings("EnumOrdinal") // any other constant will do; the next one by position is simply the nearest
    private static List<Record> variants(Record record) throws ReflectiveOperationException {
        List<Record> variants = new ArrayList<>();
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object value = components[i].getAccessor().invoke(record);
            List<Object> changedValues = new ArrayList<>();
            switch (value) {
                case Record nested -> changedValues.addAll(variants(nested));
                case List<?> list -> {
                    changedValues.add(list.subList(0, list.size() - 1));
                    if (list.getFirst() instanceof Record first) {
                        for (Record changedFirst : variants(first)) {
                            List<Object> copy = new ArrayList<>(list);
                            copy.set(0, changedFirst);
                            changedValues.add(copy);
                        }
                    }
                }
                case String s -> changedValues.add(s + "!");
                case Integer n -> changedValues.add(n + 1);
                case Enum<?> e ->
                    changedValues.add(e.getDeclaringClass()
                            .getEnumConstants()[
                            (e.ordinal() + 1) % e.getDeclaringClass().getEnumConstants().length]);
                default -> throw new IllegalStateException("no change defined for " + value.getClass());
            }
            for (Object changed : changedValues) {
                variants.add(with(record, i, changed));
            }
        }
        return variants;
    }

    private static Record with(Record record, int index, Object value) throws ReflectiveOperationException {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? value : components[i].getAccessor().invoke(record);
            types[i] = components[i].getType();
        }
        return record.getClass().getDeclaredConstructor(types).newInstance(values);
    }
}
