package dev.parley.nlu.entity;

import dev.parley.nlu.Entity;
import dev.parley.nlu.annotate.AnnotatedText;

import java.util.List;

/** Finds entities in a message; the CoreNLP annotation is there for extractors that use tokens or NER. */
public interface EntityExtractor {

    List<Entity> extract(String text, AnnotatedText annotated);
}
