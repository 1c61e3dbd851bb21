package dev.parley.channel.alexa;

import dev.parley.nlu.NluResult;
import dev.parley.nlu.data.EntityDefinition;
import dev.parley.nlu.data.EntitySpan;
import dev.parley.nlu.data.Example;
import dev.parley.nlu.data.IntentDefinition;
import dev.parley.nlu.data.TrainingData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The skill's interaction model generated from intents/: each intent with its examples as sample utterances
 * (entity markup becomes {@code {slot}} references, one custom slot type per entity type whose value ids are our
 * canonical values), {@code help} and {@code goodbye} as samples of Amazon's Help and Stop intents, the
 * catch-all intent whose {@code AMAZON.SearchQuery} slot brings any other sentence to Parley's NLU, and the
 * required built-ins. Alexa's rules are applied rather than left to the console to reject: spoken forms only
 * ({@link SpokenForm}), at most {@value #MAX_SAMPLE_LENGTH} characters, a slot at most once per sample, and no
 * sample in two intents (the first intent keeps it).
 */
final class InteractionModel {

    static final int MAX_SAMPLE_LENGTH = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z_]*");
    private static final Pattern INVOCATION = Pattern.compile("[a-z][a-z'.]*(?: [a-z][a-z'.]*)+");
    private static final Set<String> FORBIDDEN_IN_INVOCATION = Set.of("alexa", "amazon", "echo", "skill", "app",
            "launch", "ask", "tell", "open", "load", "begin", "enable");
    /** Carrier phrases around the free-text slot (Alexa wants words besides an AMAZON.SearchQuery slot). */
    static final List<String> CATCH_ALL_SAMPLES = List.of("i want {query}", "i need {query}", "i'm looking for {query}",
            "can you {query}", "could you {query}", "please {query}", "tell me {query}", "i have a question about {query}",
            "what about {query}", "i'd like {query}", "do you have {query}", "how do i {query}", "my question is {query}");

    /** What the export did, for the command's summary line. */
    record Summary(int intents, int samples, int slotTypes, int droppedSamples) {
    }

    private final Map<String, Object> model;
    private final Summary summary;

    private InteractionModel(Map<String, Object> model, Summary summary) {
        this.model = model;
        this.summary = summary;
    }

    Map<String, Object> json() {
        return model;
    }

    Summary summary() {
        return summary;
    }

    static InteractionModel build(TrainingData data, String invocationName) {
        checkInvocationName(invocationName);
        Map<String, String> builtInFor = new HashMap<>();
        SkillIntents.BUILT_IN_MEANING.forEach((builtIn, ours) -> builtInFor.putIfAbsent(ours, builtIn));
        builtInFor.put("goodbye", SkillIntents.STOP); // Stop, not Cancel, carries "bye" and friends

        Map<String, SlotType> types = new TreeMap<>();
        Map<String, EntityDefinition> definitions = new HashMap<>();
        data.entities().forEach(entity -> definitions.put(entity.name(), entity));
        Set<String> usedSamples = new HashSet<>(CATCH_ALL_SAMPLES);
        Map<String, Map<String, Object>> builtIns = new LinkedHashMap<>();
        List<Map<String, Object>> intents = new ArrayList<>();
        int samples = 0;
        int dropped = 0;

        for (IntentDefinition intent : data.intents()) {
            if (intent.name().equals(NluResult.OUT_OF_SCOPE) || !NAME.matcher(intent.name()).matches()) {
                dropped += intent.examples().size(); // out of scope is what FallbackIntent is for
                continue;
            }
            String modelName = builtInFor.getOrDefault(intent.name(), intent.name());
            Set<String> intentSamples = new LinkedHashSet<>();
            Set<String> slots = new LinkedHashSet<>();
            for (Example example : intent.examples()) {
                String sample = sample(example, slots, types, definitions);
                if (sample == null || !usedSamples.add(sample)) {
                    dropped++;
                    continue;
                }
                intentSamples.add(sample);
            }
            if (modelName.equals(intent.name())) {
                // slots the dialogue asks for are in the intent even when no example names them
                intent.slots().forEach(required -> {
                    boolean known = definitions.containsKey(required.entity()) || types.containsKey(required.entity());
                    if (NAME.matcher(required.entity()).matches() && known) {
                        slots.add(required.entity());
                        types.computeIfAbsent(required.entity(), t -> new SlotType(t, definitions.get(t)));
                    }
                });
            }
            if (intentSamples.isEmpty()) {
                continue;
            }
            samples += intentSamples.size();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", modelName);
            if (modelName.equals(intent.name())) {
                json.put("slots", slots.stream().map(slot -> ordered("name", slot, "type", types.get(slot).name()))
                        .toList());
                json.put("samples", List.copyOf(intentSamples));
                intents.add(json);
            } else {
                // built-ins take no custom slots: samples naming one are left to the catch-all
                json.put("samples", intentSamples.stream().filter(s -> !s.contains("{")).toList());
                builtIns.put(modelName, json);
            }
        }
        // a custom slot type needs values: an entity without lookups, synonyms or annotated examples has none
        Set<String> empty = new HashSet<>();
        types.values().removeIf(type -> type.isEmpty() && empty.add(type.name()));
        for (Map<String, Object> intent : intents) {
            Object slotList = intent.get("slots");
            if (slotList instanceof List<?> declared) {
                intent.put("slots", declared.stream().filter(slot -> !empty.contains(((Map<?, ?>) slot).get("type")))
                        .toList());
            }
        }
        intents.add(ordered("name", SkillIntents.CATCH_ALL,
                "slots", List.of(ordered("name", SkillIntents.QUERY_SLOT, "type", "AMAZON.SearchQuery")),
                "samples", CATCH_ALL_SAMPLES));
        for (String builtIn : List.of(SkillIntents.HELP, SkillIntents.STOP, SkillIntents.CANCEL,
                SkillIntents.FALLBACK, SkillIntents.NAVIGATE_HOME)) {
            intents.add(builtIns.getOrDefault(builtIn, ordered("name", builtIn, "samples", List.of())));
        }

        Map<String, Object> languageModel = new LinkedHashMap<>();
        languageModel.put("invocationName", invocationName);
        languageModel.put("intents", intents);
        languageModel.put("types", types.values().stream().map(SlotType::json).toList());
        return new InteractionModel(ordered("interactionModel", ordered("languageModel", languageModel)),
                new Summary(intents.size(), samples + CATCH_ALL_SAMPLES.size(), types.size(), dropped));
    }

    /** The example as a sample utterance, or null when Alexa would not take it. */
    private static String sample(Example example, Set<String> intentSlots, Map<String, SlotType> types,
                                 Map<String, EntityDefinition> definitions) {
        String text = example.text();
        List<EntitySpan> spans = new ArrayList<>(example.entities());
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        Set<String> seen = new HashSet<>();
        List<String> parts = new ArrayList<>();
        int last = 0;
        for (EntitySpan span : spans) {
            if (!NAME.matcher(span.type()).matches() || !seen.add(span.type()) || span.start() < last) {
                return null; // Alexa allows each slot once per sample
            }
            parts.add(SpokenForm.of(text.substring(last, span.start())));
            parts.add("{" + span.type() + "}");
            last = span.end();
        }
        parts.add(SpokenForm.of(text.substring(last)));
        String spoken = String.join(" ", parts.stream().filter(p -> !p.isEmpty()).toList());
        boolean onlySlots = spoken.replaceAll("\\{[A-Za-z_]+}", "").isBlank();
        if (spoken.isBlank() || spoken.length() > MAX_SAMPLE_LENGTH || (onlySlots && spans.size() > 1)) {
            return null;
        }
        for (EntitySpan span : spans) {
            intentSlots.add(span.type());
            SlotType type = types.computeIfAbsent(span.type(), t -> new SlotType(t, definitions.get(t)));
            type.heard(span.value(), text.substring(span.start(), span.end()));
        }
        return spoken;
    }

    /** A JSON object whose keys keep their order, so the exported file only changes when intents/ does. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void checkInvocationName(String name) {
        if (!INVOCATION.matcher(name).matches()) {
            throw new IllegalArgumentException("invocation name '" + name + "': two or more words of lower-case"
                    + " letters (apostrophes and abbreviation periods allowed), numbers spelled out");
        }
        for (String word : name.split(" ")) {
            if (FORBIDDEN_IN_INVOCATION.contains(word)) {
                throw new IllegalArgumentException("invocation name '" + name + "' must not contain '" + word + "'");
            }
        }
    }

    /**
     * A custom slot type for one entity type: each canonical value (the value's id, which requests carry back in
     * their resolutions) with its synonyms and the ways the examples wrote it, all in spoken form.
     */
    private static final class SlotType {
        private final String entity;
        private final Map<String, Set<String>> spokenById = new LinkedHashMap<>();

        SlotType(String entity, EntityDefinition definition) {
            this.entity = entity;
            if (definition != null) {
                definition.lookup().forEach(value -> heard(value, value));
                // sorted: the definition's map has no stable order, and the file must not change between runs
                new TreeMap<>(definition.synonyms()).forEach((canonical, variants) -> {
                    heard(canonical, canonical);
                    variants.forEach(variant -> heard(canonical, variant));
                });
            }
        }

        String name() {
            return "PARLEY_" + entity.toUpperCase(Locale.ROOT);
        }

        boolean isEmpty() {
            return spokenById.isEmpty();
        }

        void heard(String canonical, String written) {
            String spoken = SpokenForm.of(written);
            boolean taken = spokenById.values().stream().anyMatch(forms -> forms.contains(spoken));
            if (!spoken.isEmpty() && !taken) {
                spokenById.computeIfAbsent(canonical, id -> new LinkedHashSet<>()).add(spoken);
            }
        }

        Map<String, Object> json() {
            List<Map<String, Object>> values = new ArrayList<>();
            spokenById.forEach((id, forms) -> {
                List<String> all = new ArrayList<>(forms);
                Map<String, Object> name = new LinkedHashMap<>();
                name.put("value", all.get(0));
                if (all.size() > 1) {
                    name.put("synonyms", all.subList(1, all.size()));
                }
                values.add(ordered("id", id, "name", name));
            });
            return ordered("name", name(), "values", values);
        }
    }
}
