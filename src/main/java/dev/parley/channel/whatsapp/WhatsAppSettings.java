package dev.parley.channel.whatsapp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code parley.whatsapp.*}: where the numbers are configured and how the Graph API is called. Secrets are not
 * here: each number's file names the environment variables that hold them.
 *
 * @param numbersDir         folder of per-number YAML files (one brand configuration each), see channels/whatsapp
 * @param graphBaseUrl       the Graph API's base URL (a local fake in tests)
 * @param graphVersion       the Graph API version in the path, e.g. v21.0
 * @param graphTimeout       how long one send may take; a send without an answer in time is not retried (it may
 *                           have been accepted: a retry could deliver the reply twice)
 * @param windowHours        free-form messages are allowed this long after the shopper's last message
 * @param turnWorkers        threads running turns (NLU and dialogue) of received messages; one conversation's
 *                           messages always go to the same thread, in order
 * @param unfinishedAfter    a stored message whose turn has not run this long after it was stored is picked up again
 *                           (a crash between storing and answering)
 * @param sendConcurrency    Graph API calls in flight at once (one per conversation at a time, in order)
 * @param maxAttempts        sends of one message before it is recorded as failed (429 and 5xx are retried)
 * @param retryBackoff       the wait before the second attempt; it doubles with every further attempt
 * @param maxRetryBackoff    the longest wait between attempts
 */
@ConfigurationProperties("parley.whatsapp")
public record WhatsAppSettings(@Bindable(defaultValue = "channels/whatsapp") String numbersDir,
                               @Bindable(defaultValue = "https://graph.facebook.com") String graphBaseUrl,
                               @Bindable(defaultValue = "v21.0") String graphVersion,
                               @Bindable(defaultValue = "10s") Duration graphTimeout,
                               @Bindable(defaultValue = "24") int windowHours,
                               @Bindable(defaultValue = "2") int turnWorkers,
                               @Bindable(defaultValue = "2m") Duration unfinishedAfter,
                               @Bindable(defaultValue = "4") int sendConcurrency,
                               @Bindable(defaultValue = "6") int maxAttempts,
                               @Bindable(defaultValue = "1s") Duration retryBackoff,
                               @Bindable(defaultValue = "5m") Duration maxRetryBackoff) {
}
