package dev.parley.handoff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code parley.handoff.sla.*}: the clocks that put a conversation back in the queue.
 *
 * @param answerTimeout a conversation whose shopper waits this long for the assigned agent's answer returns to the
 *                      queue (the agent's capacity is freed)
 * @param offlineAfter  an agent neither connected to the console nor calling the API for this long is offline; their
 *                      conversations return to the queue
 */
@ConfigurationProperties("parley.handoff.sla")
public record SlaSettings(@Bindable(defaultValue = "5m") Duration answerTimeout,
                          @Bindable(defaultValue = "2m") Duration offlineAfter) {
}
