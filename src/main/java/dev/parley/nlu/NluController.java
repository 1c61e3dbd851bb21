package dev.parley.nlu;

import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /nlu/parse {"text": "..."}}: the full NLU result, for developers and for other services. */
@Controller("/nlu")
class NluController {

    private final NluService nlu;
    private final NluConfiguration configuration;

    NluController(NluService nlu, NluConfiguration configuration) {
        this.nlu = nlu;
        this.configuration = configuration;
    }

    @Serdeable
    record ParseRequest(@Nullable String text) {
    }

    @Post("/parse")
    @ExecuteOn(TaskExecutors.BLOCKING)
    NluResult parse(@Body ParseRequest request) {
        String text = request == null ? null : request.text();
        if (text == null) {
            throw ApiException.badRequest("missing_text", "body must be a JSON object with a string field \"text\"");
        }
        if (text.isBlank()) {
            throw ApiException.badRequest("empty_text", "text is empty");
        }
        if (text.length() > configuration.maxTextLength()) {
            throw ApiException.badRequest("text_too_long",
                    "text has " + text.length() + " characters; at most " + configuration.maxTextLength() + " are accepted");
        }
        return nlu.parse(text);
    }
}
