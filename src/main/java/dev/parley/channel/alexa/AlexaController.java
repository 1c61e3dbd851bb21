package dev.parley.channel.alexa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The Alexa skill's endpoint. The body is taken as raw bytes because the signature covers exactly those bytes;
 * it is read only after the signature checks out. A rejected request is a 400 with the failed check's code,
 * logged without its content, and nothing is stored.
 */
@Controller("/api/voice/alexa")
@ExecuteOn(TaskExecutors.BLOCKING)
class AlexaController {

    private static final Logger LOG = LoggerFactory.getLogger(AlexaController.class);

    private final AlexaRequestVerifier verifier;
    private final AlexaRequestReader reader;
    private final AlexaSkill skill;

    AlexaController(AlexaRequestVerifier verifier, AlexaRequestReader reader, AlexaSkill skill) {
        this.verifier = verifier;
        this.reader = reader;
        this.skill = skill;
    }

    @Post
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> receive(@Nullable @Header("SignatureCertChainUrl") String certChainUrl,
                                              @Nullable @Header("Signature-256") String signature,
                                              @Nullable @Body byte[] body) {
        try {
            if (body == null || body.length == 0) {
                throw new AlexaRejection("malformed_json", "the body is empty");
            }
            verifier.verifySignature(certChainUrl, signature, body);
            AlexaRequest request = reader.read(body);
            verifier.verifyRequest(request);
            return HttpResponse.ok(skill.answer(request));
        } catch (AlexaRejection rejection) {
            LOG.warn("Alexa request rejected: {}", rejection.code());
            throw rejection;
        }
    }
}
