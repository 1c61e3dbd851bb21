package dev.parley.offers;

import dev.parley.offers.decision.DecisionLog;
import dev.parley.offers.decision.DecisionLogWriter;
import dev.parley.offers.decision.LoggedDecision;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import dev.parley.offers.events.ShopperEventObserver;
import dev.parley.offers.offer.OfferBook;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * What happened to shown offers: rewards reported through the API, offer events carrying a decision id, and
 * "ignored" for decisions without reaction after the timeout. The first outcome of a learnable decision teaches
 * the bandit; redemptions count against the offer's cap and budget.
 */
@Singleton
public class DecisionOutcomes implements ShopperEventObserver {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionOutcomes.class);
    static final Set<String> LEARNABLE = Set.of("bandit", "popularity");

    private final DecisionLog log;
    private final DecisionLogWriter writer;
    private final BanditMemory memory;
    private final OfferBook offers;
    private final Duration timeout;

    DecisionOutcomes(DecisionLog log, DecisionLogWriter writer, BanditMemory memory, OfferBook offers, dev.parley.offers.bandit.BanditSettings settings) {
        this.log = log;
        this.writer = writer;
        this.memory = memory;
        this.offers = offers;
        this.timeout = Duration.ofMinutes(settings.rewardTimeoutMinutes());
    }

    /**
     * @throws NoSuchElementException when no decision has this id
     */
    @Transactional
    public RewardReceipt record(String decisionId, RewardOutcome outcome, BigDecimal discountGiven, Instant at) {
        writer.flush();
        LoggedDecision decision = log.findForUpdate(decisionId)
                .orElseThrow(() -> new NoSuchElementException("no decision " + decisionId));
        DecisionLog.OutcomeStored stored = log.recordOutcome(decisionId, outcome.id(), outcome.reward(), at);
        boolean learned = false;
        if (stored == DecisionLog.OutcomeStored.FIRST && LEARNABLE.contains(decision.strategy())) {
            memory.learn(log.lastRewardId(), decision.features(), decision.segment(), decision.offerId(), outcome.reward());
            learned = true;
        }
        if (stored != DecisionLog.OutcomeStored.DUPLICATE && outcome == RewardOutcome.REDEEMED) {
            offers.recordRedemption(decision.offerId(), discountGiven);
        }
        return new RewardReceipt(decisionId, decision.offerId(), outcome.id(), outcome.reward(), learned);
    }

    /** offer_accepted / offer_dismissed / coupon_redeemed events that name their decision are rewards too. */
    @Override
    public void onEvents(List<ShopperEvent> events) {
        for (ShopperEvent event : events) {
            RewardOutcome outcome = switch (event.type()) {
                case OFFER_ACCEPTED -> RewardOutcome.ACCEPTED;
                case OFFER_DISMISSED -> RewardOutcome.DISMISSED;
                case COUPON_REDEEMED -> RewardOutcome.REDEEMED;
                default -> null;
            };
            if (outcome == null) {
                continue;
            }
            BigDecimal amount = BigDecimal.valueOf(event.number("discount", 0));
            String decisionId = event.property("decision_id");
            if (decisionId != null) {
                try {
                    record(decisionId, outcome, amount, event.timestamp());
                    continue;
                } catch (NoSuchElementException unknown) {
                    // not one of our decisions (or long gone): the event still counts as an event
                }
            }
            if (event.type() == EventType.COUPON_REDEEMED && event.property("offer_id") != null) {
                offers.recordRedemption(event.property("offer_id"), amount);
            }
        }
    }

    /** Decisions without any reaction after the timeout become "ignored" (reward 0): silence is an answer too. */
    @Scheduled(fixedDelay = "${parley.offers.bandit.timeout-scan-interval:1m}", initialDelay = "1m")
    void scheduledTimeouts() {
        expireOpenDecisions(Instant.now());
    }

    public int expireOpenDecisions(Instant now) {
        writer.flush();
        int expired = 0;
        List<String> open;
        do {
            open = log.openDecisionsBefore(now.minus(timeout), 500);
            for (String id : open) {
                record(id, RewardOutcome.IGNORED, BigDecimal.ZERO, now);
                expired++;
            }
        } while (open.size() == 500);
        if (expired > 0) {
            LOG.info("{} shown offer(s) timed out as ignored", expired);
        }
        return expired;
    }
}
