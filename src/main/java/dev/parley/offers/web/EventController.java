package dev.parley.offers.web;

import dev.parley.offers.events.EventBatchResult;
import dev.parley.offers.events.EventIngestion;
import dev.parley.offers.events.RejectedEvent;
import dev.parley.web.ApiException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * POST /api/events: a batch of shopper events, a JSON array (or {"events": [...]}).
 * <ul>
 *   <li>200 with {received, stored, duplicates, rejected: []} when every row is valid (duplicates by event id
 *       are accepted and not stored twice);</li>
 *   <li>422 invalid_events when some rows are malformed: {@code details} lists each bad row as
 *       "row INDEX: reasons" (0-based); every other row WAS stored, so resending the whole corrected batch is
 *       safe (event ids make it idempotent);</li>
 *   <li>400 for a body that is not a JSON array, or more than 1000 events.</li>
 * </ul>
 * 422 rather than 207 (a WebDAV code clients rarely handle) or 200 (which hides the bad rows from clients that
 * only check the status): the client must notice and fix those rows.
 */
@Controller("/api/events")
public class EventController {

    private final EventIngestion ingestion;
    private final JsonMapper mapper;

    EventController(EventIngestion ingestion, JsonMapper mapper) {
        this.ingestion = ingestion;
        this.mapper = mapper;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public EventBatchResult record(@Body String body) {
        Object parsed = JsonBodies.read(mapper, body, Argument.OBJECT_ARGUMENT);
        if (parsed instanceof Map<?, ?> map && map.get("events") instanceof List<?> events) {
            parsed = events;
        }
        if (!(parsed instanceof List<?> rows)) {
            throw ApiException.badRequest("invalid_batch", "expected a JSON array of events (or {\"events\": [...]})");
        }
        if (rows.size() > EventIngestion.MAX_BATCH) {
            throw ApiException.badRequest("batch_too_large", "at most " + EventIngestion.MAX_BATCH + " events per batch");
        }
        EventBatchResult result = ingestion.ingestRows(rows);
        if (!result.rejected().isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_events",
                    result.rejected().size() + " of " + result.received() + " events rejected; the others were"
                            + " processed (" + result.stored() + " stored, " + result.duplicates() + " duplicates)",
                    result.rejected().stream().map(RejectedEvent::toString).toList());
        }
        return result;
    }
}
