package dev.parley.channel.twilio;

import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Twilio Voice webhooks: the incoming call and each speech Gather's result. Every request must carry a valid
 * {@code X-Twilio-Signature} over the public URL (rebuilt from {@code parley.twilio.public-base-url}, since a proxy
 * changes the URL the service sees) and the form parameters; anything else is a 4xx JSON error, logged without
 * content, with nothing stored. Answers are TwiML.
 */
@Controller("/api/voice/twilio")
@ExecuteOn(TaskExecutors.BLOCKING)
class TwilioController {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioController.class);
    private static final MediaType TWIML = MediaType.of("text/xml");

    private final TwilioSettings settings;
    private final PhoneCalls calls;

    TwilioController(TwilioSettings settings, PhoneCalls calls) {
        this.settings = settings;
        this.calls = calls;
    }

    /** The number's "A call comes in" webhook. */
    @Post("/calls")
    @Consumes(MediaType.ALL)
    HttpResponse<String> incoming(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature,
                                  @Nullable @Body byte[] body) {
        return twiml(refusalsLogged(() -> calls.answer(verified(request, signature, body))));
    }

    /** A Gather's action: what the caller said on this turn. */
    @Post("/speech")
    @Consumes(MediaType.ALL)
    HttpResponse<String> speech(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature,
                                @Nullable @QueryValue String turn, @Nullable @QueryValue String low,
                                @Nullable @QueryValue String silence, @Nullable @Body byte[] body) {
        return twiml(refusalsLogged(() -> calls.speech(verified(request, signature, body),
                CallProgress.of(turn, low, silence))));
    }

    /** The number's call status callback: Parley closes the conversation of a finished call. */
    @Post("/status")
    @Consumes(MediaType.ALL)
    HttpResponse<?> status(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature,
                           @Nullable @Body byte[] body) {
        refusalsLogged(() -> {
            FormParameters form = verified(request, signature, body);
            calls.statusChanged(form);
            return form;
        });
        return HttpResponse.noContent();
    }

    /** The URL Twilio called: the configured public base URL, this request's path and its raw query string. */
    static String publicUrl(TwilioSettings settings, String pathAndQuery) {
        String base = settings.publicBaseUrl() == null ? "" : settings.publicBaseUrl().trim();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }

    private FormParameters verified(HttpRequest<?> request, @Nullable String signature, @Nullable byte[] body) {
        if (!settings.configured()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "twilio_not_configured", "the phone line is not"
                    + " configured (PARLEY_TWILIO_AUTH_TOKEN and parley.twilio.public-base-url)");
        }
        if (signature == null || signature.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "missing_signature", "X-Twilio-Signature is missing");
        }
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Twilio webhooks are application/x-www-form-urlencoded");
        }
        FormParameters form = FormParameters.parse(body);
        String query = request.getUri().getRawQuery();
        String url = publicUrl(settings, request.getUri().getRawPath() + (query == null ? "" : "?" + query));
        if (!TwilioSignature.matches(settings.authToken(), url, form.values(), signature)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "invalid_signature",
                    "X-Twilio-Signature does not match this request");
        }
        return form;
    }

    /** Runs a webhook; a refusal is logged by its code only (never the caller's words or number). */
    private static <T> T refusalsLogged(Supplier<T> webhook) {
        try {
            return webhook.get();
        } catch (ApiException rejected) {
            LOG.warn("Twilio webhook rejected: {}", rejected.toError().error());
            throw rejected;
        }
    }

    private static HttpResponse<String> twiml(String document) {
        return HttpResponse.ok(document).contentType(TWIML);
    }
}
