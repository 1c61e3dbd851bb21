package dev.parley.handoff;

import dev.parley.conversation.BotTurn;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.EscalationCheck;
import dev.parley.dialogue.DialogueManager;
import dev.parley.nlu.Entity;
import dev.parley.nlu.NluResult;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Decides after every bot turn whether a person should take over, and records every reason that applies (see
 * {@link EscalationSettings} for each rule's knobs): an explicit request, turns not understood in a row (voice
 * messages heard badly count), ambiguity left unresolved after the clarifying question, strongly negative sentiment
 * (earlier for high-value shoppers), a complaint, the same question asked again, and business rules.
 * <p>
 * It only reads the turn; the conversation stores the reasons with the turn and the hand-off queues it.
 */
@Singleton
public class EscalationPolicy implements EscalationCheck {

    private static final String AMBIGUOUS = "ambiguous";
    private static final List<String> FILLER = List.of("please", "pls", "now", "a", "an");

    private final EscalationSettings settings;
    private final ShopperValue value;

    public EscalationPolicy(EscalationSettings settings, ShopperValue value) {
        this.settings = settings;
        this.value = value;
    }

    @Override
    public List<String> reasons(BotTurn turn) {
        return evaluate(turn).stream().map(EscalationReason::toString).toList();
    }

    public List<EscalationReason> evaluate(BotTurn turn) {
        BooleanSupplier highValue = memo(() -> value.isHighValue(turn.shopper()));
        List<EscalationReason> reasons = new ArrayList<>();
        explicitRequest(turn).ifPresent(reasons::add);
        uncertainTurns(turn, reasons);
        sentiment(turn, highValue).ifPresent(reasons::add);
        String intent = certainIntent(turn.nlu());
        if (intent != null && settings.complaintIntents().contains(intent)) {
            reasons.add(new EscalationReason(EscalationReason.COMPLAINT, intent));
        }
        repeatedQuestion(turn).ifPresent(reasons::add);
        if (intent != null && settings.alwaysEscalateIntents().contains(intent)) {
            reasons.add(new EscalationReason(EscalationReason.BUSINESS_RULE, intent));
        }
        return reasons;
    }

    private java.util.Optional<EscalationReason> explicitRequest(BotTurn turn) {
        String intent = certainIntent(turn.nlu());
        if (intent != null && settings.requestIntents().contains(intent)) {
            return java.util.Optional.of(new EscalationReason(EscalationReason.EXPLICIT_REQUEST, intent));
        }
        if (DialogueManager.REQUESTED_BY_SHOPPER.equals(turn.answer().needsHumanReason())) {
            return java.util.Optional.of(new EscalationReason(EscalationReason.EXPLICIT_REQUEST,
                    DialogueManager.REQUESTED_BY_SHOPPER));
        }
        String payload = turn.message().payload();
        if (payload != null && turn.conversation().channel().isVoice()
                && settings.requestPayloads().contains(payload.trim())) {
            return java.util.Optional.of(new EscalationReason(EscalationReason.EXPLICIT_REQUEST,
                    "payload " + payload.trim()));
        }
        List<String> words = words(turn.message().text());
        if (!words.isEmpty() && words.stream().anyMatch(settings.requestKeywordSet()::contains)
                && words.stream().allMatch(w -> settings.requestKeywordSet().contains(w) || FILLER.contains(w))) {
            return java.util.Optional.of(new EscalationReason(EscalationReason.EXPLICIT_REQUEST, "keyword"));
        }
        return java.util.Optional.empty();
    }

    /**
     * The dialogue's failure streak (a turn it understood resets it), with a voice message heard below the
     * recognition threshold counted as not understood even when the dialogue took it.
     */
    private void uncertainTurns(BotTurn turn, List<EscalationReason> reasons) {
        List<String> failures = turn.answer().context().failures();
        boolean failed = !failures.isEmpty();
        Double heard = turn.recognitionConfidence();
        boolean heardBadly = heard != null && heard < settings.minRecognitionConfidence();
        List<String> kinds = new ArrayList<>(failed ? failures : heardBadly ? turn.contextBefore().failures()
                : List.of());
        if (heardBadly) {
            kinds.add(String.format(Locale.ROOT, "low_recognition %.2f", heard));
        }
        if (settings.uncertainTurns() > 0 && !kinds.isEmpty() && (failed || heardBadly)
                && kinds.size() - (failed && heardBadly ? 1 : 0) >= settings.uncertainTurns()) {
            reasons.add(new EscalationReason(EscalationReason.UNCERTAIN_TURNS, summarize(kinds)));
        }
        if (settings.unresolvedAmbiguity() && failures.size() >= 2
                && AMBIGUOUS.equals(failures.get(failures.size() - 2))) {
            reasons.add(new EscalationReason(EscalationReason.UNRESOLVED_AMBIGUITY,
                    "after did-you-mean: " + failures.get(failures.size() - 1)));
        }
    }

    private java.util.Optional<EscalationReason> sentiment(BotTurn turn, BooleanSupplier highValue) {
        NluResult nlu = turn.nlu();
        if (nlu == null || nlu.sentiment() == null) {
            return java.util.Optional.empty();
        }
        double score = nlu.sentiment().score();
        boolean strong = score <= settings.negativeSentiment();
        if (strong || (score <= settings.highValueNegativeSentiment() && highValue.getAsBoolean())) {
            return java.util.Optional.of(new EscalationReason(EscalationReason.NEGATIVE_SENTIMENT,
                    String.format(Locale.ROOT, "%.2f%s", score, strong ? "" : " (high-value shopper)")));
        }
        return java.util.Optional.empty();
    }

    /** The same question as the shopper's last ones (same intent and values, or the same words), right after. */
    private java.util.Optional<EscalationReason> repeatedQuestion(BotTurn turn) {
        if (settings.repeatedQuestion() == 0) {
            return java.util.Optional.empty();
        }
        NluResult nlu = turn.nlu();
        String intent = certainIntent(nlu);
        if (intent != null && settings.repetitionIgnoredIntents().contains(intent)) {
            return java.util.Optional.empty();
        }
        int repeats = 0;
        for (ConversationMessage earlier : turn.earlierMessages()) {
            if (!sameQuestion(turn.message().text(), intent, nlu, earlier)) {
                break;
            }
            repeats++;
        }
        if (repeats >= settings.repeatedQuestion()) {
            return java.util.Optional.of(new EscalationReason(EscalationReason.REPEATED_QUESTION,
                    (intent == null ? "same words" : intent) + " x" + (repeats + 1)));
        }
        return java.util.Optional.empty();
    }

    private static boolean sameQuestion(String text, String intent, NluResult nlu, ConversationMessage earlier) {
        if (!words(text).isEmpty() && words(text).equals(words(earlier.text()))) {
            return true;
        }
        String earlierIntent = certainIntent(earlier.nlu());
        return intent != null && intent.equals(earlierIntent)
                && values(nlu).equals(values(earlier.nlu()));
    }

    /** The top intent when the NLU is sure of it (not out of scope, not ambiguous), else null. */
    private static String certainIntent(NluResult nlu) {
        if (nlu == null || nlu.outOfScope() || nlu.ambiguous() || NluResult.OUT_OF_SCOPE.equals(nlu.intent().name())) {
            return null;
        }
        return nlu.intent().name();
    }

    private static Map<String, String> values(NluResult nlu) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Entity entity : nlu.entities()) {
            values.putIfAbsent(entity.type(), Objects.toString(entity.value(), "").toLowerCase(Locale.ROOT));
        }
        return values;
    }

    private static List<String> words(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return cleaned.isEmpty() ? List.of() : List.of(cleaned.split(" "));
    }

    /** "out_of_scope x2", or "ambiguous x1, out_of_scope x1" when the kinds differ. */
    private static String summarize(List<String> kinds) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        kinds.forEach(kind -> counts.merge(kind, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(kind.startsWith("low_recognition") ? kind : kind + " x" + count));
        return String.join(", ", parts);
    }

    private static BooleanSupplier memo(BooleanSupplier supplier) {
        return new BooleanSupplier() {
            private Boolean known;

            @Override
            public boolean getAsBoolean() {
                if (known == null) {
                    known = supplier.getAsBoolean();
                }
                return known;
            }
        };
    }
}
