package dev.parley.nlu.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rasa's entity markup inside an example, both ways: {@code [text](type)}, {@code [text](type:canonical)} and
 * {@code [text]{"entity": "type", "value": "canonical"}} ({@code role} and {@code group} are accepted and ignored).
 * A literal bracket in the text is written {@code \[} or {@code \]}. Anything else involving brackets is an error,
 * so a typo such as {@code [red] (color)} is reported instead of silently training on the markup.
 */
public final class EntityMarkup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTITY_TYPE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    private static final Set<String> JSON_KEYS = Set.of("entity", "value", "role", "group");
    private static final Pattern SHORT_VALUE = Pattern.compile("[^()\\[\\]{}\\n\\\\]*");

    private EntityMarkup() {
    }

    /** Parses one example; throws {@link EntityMarkupException} naming the column and the problem. */
    public static Example parse(String markedUp) {
        return new Parser(markedUp).parse();
    }

    /** Writes an example back as markup, so that {@code parse(format(example))} equals {@code example}. */
    public static String format(Example example) {
        String text = example.text();
        List<EntitySpan> spans = new ArrayList<>(example.entities());
        spans.sort(Comparator.comparingInt(EntitySpan::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (EntitySpan span : spans) {
            if (span.start() < at || span.end() > text.length() || span.start() >= span.end()) {
                throw new IllegalArgumentException("entity span " + span + " overlaps another or lies outside '"
                        + text + "'");
            }
            if (!ENTITY_TYPE.matcher(span.type()).matches()) {
                throw new IllegalArgumentException("entity type '" + span.type() + "' cannot be written as markup");
            }
            out.append(escape(text.substring(at, span.start())));
            String surface = text.substring(span.start(), span.end());
            out.append('[').append(escape(surface)).append(']');
            out.append(annotation(span, surface));
            at = span.end();
        }
        out.append(escape(text.substring(at)));
        return out.toString();
    }

    private static String annotation(EntitySpan span, String surface) {
        String value = span.value();
        if (value == null || value.equals(surface)) {
            return "(" + span.type() + ")";
        }
        if (!value.isBlank() && value.equals(value.strip()) && SHORT_VALUE.matcher(value).matches()) {
            return "(" + span.type() + ":" + value + ")";
        }
        ObjectNode node = JSON.createObjectNode().put("entity", span.type()).put("value", value);
        return node.toString();
    }

    private static String escape(String plain) {
        return plain.replace("[", "\\[").replace("]", "\\]");
    }

    /** One pass over the marked-up string; positions in errors are 1-based columns of the original. */
    private static final class Parser {
        private final String source;
        private final StringBuilder plain = new StringBuilder();
        private final List<EntitySpan> spans = new ArrayList<>();
        private int pos;

        Parser(String source) {
            this.source = source;
        }

        Example parse() {
            while (pos < source.length()) {
                char c = source.charAt(pos);
                if (isEscapedBracket(pos)) {
                    plain.append(source.charAt(pos + 1));
                    pos += 2;
                } else if (c == ']') {
                    throw error("unmatched ']' at column " + (pos + 1));
                } else if (c == '[') {
                    entity();
                } else {
                    plain.append(c);
                    pos++;
                }
            }
            return new Example(plain.toString(), spans);
        }

        private void entity() {
            int open = pos;
            StringBuilder text = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= source.length()) {
                    throw error("unmatched '[' at column " + (open + 1));
                }
                char c = source.charAt(pos);
                if (isEscapedBracket(pos)) {
                    text.append(source.charAt(pos + 1));
                    pos += 2;
                } else if (c == '[') {
                    throw error("nested '[' at column " + (pos + 1) + " (entities cannot contain entities)");
                } else if (c == ']') {
                    pos++;
                    break;
                } else {
                    text.append(c);
                    pos++;
                }
            }
            String surface = text.toString();
            String shown = source.substring(open, pos);
            if (surface.isBlank()) {
                throw error("empty entity text in " + shown + " at column " + (open + 1));
            }
            char next = pos < source.length() ? source.charAt(pos) : 0;
            String[] typeAndValue;
            if (next == '(') {
                typeAndValue = parenthesised(shown);
            } else if (next == '{') {
                typeAndValue = json(shown);
            } else {
                throw error(shown + " at column " + (open + 1)
                        + " must be followed by (type), (type:value) or {\"entity\": \"type\"}");
            }
            int start = plain.length();
            plain.append(surface);
            String value = typeAndValue[1] != null ? typeAndValue[1] : surface;
            spans.add(new EntitySpan(typeAndValue[0], start, plain.length(), value));
        }

        private String[] parenthesised(String shown) {
            int close = source.indexOf(')', pos);
            if (close < 0) {
                throw error("missing ')' after " + shown + source.substring(pos));
            }
            String inside = source.substring(pos + 1, close);
            String annotation = shown + "(" + inside + ")";
            pos = close + 1;
            int colon = inside.indexOf(':');
            String type = (colon < 0 ? inside : inside.substring(0, colon)).strip();
            String value = colon < 0 ? null : inside.substring(colon + 1).strip();
            checkType(type, annotation);
            if (value != null && value.isEmpty()) {
                throw error("empty canonical value in " + annotation);
            }
            return new String[] {type, value};
        }

        private String[] json(String shown) {
            int close = closingBrace(pos);
            if (close < 0) {
                throw error("missing '}' after " + shown + source.substring(pos));
            }
            String body = source.substring(pos, close + 1);
            String annotation = shown + body;
            pos = close + 1;
            JsonNode node;
            try {
                node = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw error("invalid JSON in " + annotation + ": " + e.getOriginalMessage());
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!JSON_KEYS.contains(name)) {
                    throw error("unknown key \"" + name + "\" in " + annotation
                            + " (expected entity, value, role, group)");
                }
            }
            JsonNode entity = node.get("entity");
            if (entity == null || !entity.isTextual()) {
                throw error("missing \"entity\" (a string) in " + annotation);
            }
            String type = entity.asText().strip();
            checkType(type, annotation);
            JsonNode value = node.get("value");
            if (value != null && !value.isValueNode()) {
                throw error("\"value\" must be a string in " + annotation);
            }
            String canonical = value == null || value.isNull() ? null : value.asText();
            if (canonical != null && canonical.isEmpty()) {
                throw error("empty canonical value in " + annotation);
            }
            return new String[] {type, canonical};
        }

        /** The '}' closing the JSON object opened at {@code from}, skipping braces inside strings; -1 if none. */
        private int closingBrace(int from) {
            int depth = 0;
            boolean inString = false;
            for (int i = from; i < source.length(); i++) {
                char c = source.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private void checkType(String type, String annotation) {
            if (type.isEmpty()) {
                throw error("empty entity type in " + annotation);
            }
            if (!ENTITY_TYPE.matcher(type).matches()) {
                throw error("invalid entity type '" + type + "' in " + annotation
                        + " (letters, digits, '_', '-', '.')");
            }
        }

        private boolean isEscapedBracket(int at) {
            return source.charAt(at) == '\\' && at + 1 < source.length()
                    && (source.charAt(at + 1) == '[' || source.charAt(at + 1) == ']');
        }

        private EntityMarkupException error(String reason) {
            return new EntityMarkupException(reason);
        }
    }
}
