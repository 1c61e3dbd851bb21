package dev.parley.channel.alexa;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code parley.alexa.*}.
 *
 * @param applicationId             the skill's id ({@code amzn1.ask.skill...}); requests for any other skill are
 *                                  refused, and without it every request is (env PARLEY_ALEXA_APPLICATION_ID)
 * @param verifyRequests            check the signature, certificate chain and timestamp of every request; only the
 *                                  {@code dev} environment may turn it off (the application refuses to start
 *                                  otherwise)
 * @param timestampToleranceSeconds how far a request's timestamp may be from now (Alexa's limit: 150 s)
 * @param certificateFetchSeconds   time allowed to download a signing certificate chain
 * @param invocationName            what shoppers say to open the skill ("Alexa, open parley shop")
 * @param handoffNotice             said when a person takes over: Alexa cannot put them through
 */
@ConfigurationProperties("parley.alexa")
public record AlexaSettings(@Nullable String applicationId,
                            @Bindable(defaultValue = "true") boolean verifyRequests,
                            @Bindable(defaultValue = "150") int timestampToleranceSeconds,
                            @Bindable(defaultValue = "5") int certificateFetchSeconds,
                            @Bindable(defaultValue = "parley shop") String invocationName,
                            @Bindable(defaultValue = "A colleague will follow up with you.") String handoffNotice) {
}
