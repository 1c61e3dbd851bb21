package dev.parley.nlu.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntityMarkupTest {

    @Test
    void plainTextHasNoEntities() {
        assertEquals(Example.of("where is my order?"), EntityMarkup.parse("where is my order?"));
    }

    @Test
    void typeOnlyMarkupUsesTheSurfaceTextAsValue() {
        Example example = EntityMarkup.parse("show me [red](color) [sneakers](category)");
        assertEquals("show me red sneakers", example.text());
        assertEquals(List.of(new EntitySpan("color", 8, 11, "red"), new EntitySpan("category", 12, 20, "sneakers")),
                example.entities());
    }

    @Test
    void typeAndCanonicalValue() {
        Example example = EntityMarkup.parse("a [navy blue]( color : navy ) shirt");
        assertEquals("a navy blue shirt", example.text());
        assertEquals(List.of(new EntitySpan("color", 2, 11, "navy")), example.entities());
    }

    @Test
    void canonicalValueMayContainColons() {
        Example example = EntityMarkup.parse("at [half past ten](time:10:30)");
        assertEquals(new EntitySpan("time", 3, 16, "10:30"), example.entities().get(0));
    }

    @Test
    void jsonFormWithValueRoleAndGroup() {
        Example example = EntityMarkup.parse(
                "has my [parcel]{\"entity\": \"item\", \"value\": \"order\", \"role\": \"x\", \"group\": \"1\"} shipped");
        assertEquals("has my parcel shipped", example.text());
        assertEquals(List.of(new EntitySpan("item", 7, 13, "order")), example.entities());
    }

    @Test
    void jsonFormWithoutValueAndWithBracesInsideStrings() {
        assertEquals(new EntitySpan("city", 0, 5, "Paris"),
                EntityMarkup.parse("[Paris]{\"entity\": \"city\"} please").entities().get(0));
        Example braces = EntityMarkup.parse("[smile]{\"entity\": \"emoji\", \"value\": \":-} (\"}");
        assertEquals(new EntitySpan("emoji", 0, 5, ":-} ("), braces.entities().get(0));
        assertEquals("smile", braces.text());
    }

    @Test
    void escapedBracketsAreLiteralText() {
        Example example = EntityMarkup.parse("what does \\[sic\\] mean in [red](color)");
        assertEquals("what does [sic] mean in red", example.text());
        assertEquals(new EntitySpan("color", 24, 27, "red"), example.entities().get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "show me [red(color) shoes | unmatched '[' at column 9",
            "show me red](color) | unmatched ']' at column 12",
            "a [b [c](x)](y) | nested '[' at column 6 (entities cannot contain entities)",
            "[red] (color) | [red] at column 1 must be followed by (type), (type:value) or {\"entity\": \"type\"}",
            "buy [red] | [red] at column 5 must be followed by (type), (type:value) or {\"entity\": \"type\"}",
            "[red](color shoes | missing ')' after [red](color shoes",
            "[red]() | empty entity type in [red]()",
            "[red](:red) | empty entity type in [red](:red)",
            "[red](my color) | invalid entity type 'my color' in [red](my color) (letters, digits, '_', '-', '.')",
            "[red](color:) | empty canonical value in [red](color:)",
            "x [ ](color) | empty entity text in [ ] at column 3",
            "[red]{\"entity\": \"color\" | missing '}' after [red]{\"entity\": \"color\"",
            "[red]{\"value\": \"red\"} | missing \"entity\" (a string) in [red]{\"value\": \"red\"}",
            "[red]{\"entity\": \"color\", \"valeu\": \"r\"} | unknown key \"valeu\" in [red]{\"entity\": \"color\", \"valeu\": \"r\"} (expected entity, value, role, group)",
    })
    void malformedMarkupIsAClearError(String markup, String message) {
        EntityMarkupException error = assertThrows(EntityMarkupException.class, () -> EntityMarkup.parse(markup));
        assertEquals(message, error.getMessage());
    }

    @Test
    void invalidJsonNamesTheAnnotation() {
        EntityMarkupException error = assertThrows(EntityMarkupException.class,
                () -> EntityMarkup.parse("[red]{entity: color}"));
        assertEquals(true, error.getMessage().startsWith("invalid JSON in [red]{entity: color}: "), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "show me [red](color) [sneakers](category)",
            "a [navy blue](color:navy) shirt",
            "[half past ten](time:10:30) works",
            "[parcel]{\"entity\":\"item\",\"value\":\"my (order)\"} shipped",
            "[x]{\"entity\":\"item\",\"value\":\" padded \"}",
            "literal \\[brackets\\] and [blue](color)",
            "no entities at all",
    })
    void formatIsTheInverseOfParse(String markup) {
        Example example = EntityMarkup.parse(markup);
        assertEquals(markup, EntityMarkup.format(example));
        assertEquals(example, EntityMarkup.parse(EntityMarkup.format(example)));
    }

    @Test
    void formatRejectsOverlappingSpans() {
        Example overlapping = new Example("navy blue", List.of(new EntitySpan("color", 0, 9, "navy"),
                new EntitySpan("color", 5, 9, "blue")));
        assertThrows(IllegalArgumentException.class, () -> EntityMarkup.format(overlapping));
    }
}
