package dev.parley.nlu.annotate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoreNlpAnnotatorTest {

    static List<String> types(AnnotatedText text) {
        return text.mentions().stream().map(AnnotatedText.Mention::type).toList();
    }

    @Test
    void servingProfileFindsNamesAndNumbersButNoDates() {
        AnnotatedText text = new CoreNlpAnnotator(CoreNlpAnnotator.Profile.FULL)
                .annotate("Can Anna pick up 2 jackets in Paris tomorrow?");
        assertTrue(types(text).contains("PERSON"), types(text).toString());
        assertTrue(types(text).contains("LOCATION"), types(text).toString());
        assertTrue(types(text).contains("NUMBER"), types(text).toString());
        assertFalse(types(text).contains("DATE"), "SUTime is off in the serving profile: " + types(text));
        assertEquals("jacket", text.tokens().get(5).lemma());
    }

    @Test
    void datesProfileAddsSuTime() {
        AnnotatedText text = new CoreNlpAnnotator(CoreNlpAnnotator.Profile.FULL_WITH_DATES)
                .annotate("Can Anna pick up 2 jackets in Paris tomorrow?");
        assertTrue(types(text).contains("DATE"), types(text).toString());
    }
}
