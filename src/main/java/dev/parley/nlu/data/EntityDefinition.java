package dev.parley.nlu.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to recognise one entity type.
 *
 * @param name      entity type, e.g. {@code color}
 * @param lookup    values recognised as they are (each is its own canonical value)
 * @param synonyms  canonical value → other ways of writing it
 * @param regexes   Java regular expressions; the whole match is the entity
 * @param fuzzy     whether lookups and synonyms also match small typos
 * @param normalize how a regex match becomes its canonical value ({@link ValueNormalization#NONE}: as matched)
 */
public record EntityDefinition(String name, List<String> lookup, Map<String, List<String>> synonyms,
                               List<String> regexes, boolean fuzzy, ValueNormalization normalize) {

    public EntityDefinition {
        lookup = List.copyOf(lookup);
        synonyms = Map.copyOf(synonyms);
        regexes = List.copyOf(regexes);
        normalize = normalize == null ? ValueNormalization.NONE : normalize;
    }

    /** A definition whose regex matches are their own values. */
    public EntityDefinition(String name, List<String> lookup, Map<String, List<String>> synonyms,
                            List<String> regexes, boolean fuzzy) {
        this(name, lookup, synonyms, regexes, fuzzy, ValueNormalization.NONE);
    }

    EntityDefinition merge(EntityDefinition other) {
        List<String> allLookup = new ArrayList<>(lookup);
        other.lookup.stream().filter(v -> !allLookup.contains(v)).forEach(allLookup::add);
        Map<String, List<String>> allSynonyms = new LinkedHashMap<>(synonyms);
        other.synonyms.forEach((canonical, variants) -> allSynonyms.merge(canonical, variants, (a, b) -> {
            List<String> all = new ArrayList<>(a);
            b.stream().filter(v -> !all.contains(v)).forEach(all::add);
            return all;
        }));
        List<String> allRegexes = new ArrayList<>(regexes);
        other.regexes.stream().filter(r -> !allRegexes.contains(r)).forEach(allRegexes::add);
        return new EntityDefinition(name, allLookup, allSynonyms, allRegexes, fuzzy || other.fuzzy,
                mergedNormalize(other));
    }

    /** One of the two may set {@code normalize}, or both alike: two different ways would be ambiguous. */
    private ValueNormalization mergedNormalize(EntityDefinition other) {
        if (normalize.isNone() || normalize.equals(other.normalize)) {
            return other.normalize;
        }
        if (other.normalize.isNone()) {
            return normalize;
        }
        throw new TrainingDataException("entity '" + name + "' is defined twice with different 'normalize'");
    }
}
