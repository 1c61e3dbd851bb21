package dev.parley.nlu.entity;

import dev.parley.nlu.Entity;
import dev.parley.nlu.annotate.AnnotatedText;
import dev.parley.nlu.data.EntityDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * All entities of a message: the shop's own (regex, lookup, synonym, fuzzy from intents/) first, then CoreNLP's
 * named entities that do not overlap them ("PA-123456" is an order number, not the NUMBER 123456).
 */
public final class MessageEntityExtractor implements EntityExtractor {

    private static final Map<String, String> NER_TYPES = Map.ofEntries(
            Map.entry("MONEY", "money"), Map.entry("NUMBER", "number"), Map.entry("PERCENT", "percent"),
            Map.entry("ORDINAL", "ordinal"), Map.entry("DATE", "date"), Map.entry("TIME", "time"),
            Map.entry("DURATION", "duration"), Map.entry("LOCATION", "location"), Map.entry("PERSON", "person"),
            Map.entry("ORGANIZATION", "organization"), Map.entry("CITY", "location"),
            Map.entry("COUNTRY", "location"), Map.entry("STATE_OR_PROVINCE", "location"));

    private final DictionaryEntityExtractor dictionary;

    public MessageEntityExtractor(List<EntityDefinition> definitions) {
        this.dictionary = new DictionaryEntityExtractor(definitions);
    }

    @Override
    public List<Entity> extract(String text, AnnotatedText annotated) {
        List<Entity> entities = new ArrayList<>(dictionary.extract(text));
        for (AnnotatedText.Mention mention : annotated.mentions()) {
            String type = NER_TYPES.get(mention.type());
            if (type != null && entities.stream().noneMatch(e -> e.start() < mention.end() && mention.begin() < e.end())) {
                entities.add(new Entity(type, mention.text(), mention.begin(), mention.end(),
                        mention.normalized() == null ? mention.text() : mention.normalized(), "ner"));
            }
        }
        entities.sort(Comparator.comparingInt(Entity::start));
        return entities;
    }
}
