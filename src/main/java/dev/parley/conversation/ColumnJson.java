package dev.parley.conversation;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.config.SerializationConfiguration;
import io.micronaut.serde.config.annotation.SerdeConfig;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON for the TEXT columns (dialogue context, rich payload, NLU result). Writes every property, empty lists
 * included: the HTTP default leaves empty values out, and records such as NluResult cannot be read back without
 * them.
 */
@Singleton
class ColumnJson {

    private final JsonMapper mapper;

    ColumnJson(ObjectMapper json) {
        this.mapper = json.cloneWithConfiguration(null, new SerializationConfiguration() {
            @Override
            public SerdeConfig.SerInclude getInclusion() {
                return SerdeConfig.SerInclude.ALWAYS;
            }

            @Override
            public boolean isAlwaysSerializeErrorsAsList() {
                return false;
            }
        }, null);
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
