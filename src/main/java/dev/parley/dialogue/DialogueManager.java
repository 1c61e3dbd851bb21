package dev.parley.dialogue;

import dev.parley.message.QuickReply;
import dev.parley.message.Reply;
import dev.parley.nlu.Entity;
import dev.parley.nlu.IntentScore;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.data.IntentDefinition;
import dev.parley.nlu.data.SlotRequirement;
import dev.parley.nlu.data.TrainingData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an NLU result and the conversation's memory into the assistant's reply. In order of precedence:
 * <ol>
 *   <li>a change awaiting confirmation is done on "yes" and dropped on "no";</li>
 *   <li>while a slot is being asked for, an answer that holds it fills it (a bare "42" counts, see
 *       {@link SlotAnswerReader}); a clear new request abandons the question; anything else re-prompts;</li>
 *   <li>out of scope: ask to rephrase; ambiguous: "Did you mean ...?" with the top intents as quick replies
 *       ({@code /intent} payloads); both count as failures, and {@code parley.dialogue.max-consecutive-failures}
 *       failures in a row mark the conversation for a person;</li>
 *   <li>a follow-up that only changes the last answer's values re-runs the last intent with them: the same
 *       intent again ("I'd like it in blue"), a yes / no with values ("no, size 42"), or a brief message (three
 *       words or fewer besides its entities) whose own intent does not take those values ("and in blue?",
 *       "size 42 please", even when the NLU calls it out of scope, ambiguous or size advice);</li>
 *   <li>otherwise the intent is pursued: missing slots are asked for (values the last answer used are carried
 *       over), its action runs, and one of its responses is filled with slot values and the action's fields.</li>
 * </ol>
 * Then the {@link OfferAdvisor} hears of the turn and may follow the answer with offers. Before all of this, a
 * message that answers the offers just shown (a picked card, a spoken yes or no) is the advisor's to answer.
 */
@Singleton
public class DialogueManager {

    public static final String AFFIRM = "affirm";
    public static final String DENY = "deny";
    public static final String GOODBYE = "goodbye";
    public static final String TALK_TO_HUMAN = "talk_to_human";
    /** The needs-human reason when the shopper asks for a person. */
    public static final String REQUESTED_BY_SHOPPER = "requested_by_shopper";
    /** The payload of a picked offer card: {@code offer:<offer id>}. */
    public static final String OFFER_PAYLOAD = "offer:";

    private static final Logger LOG = LoggerFactory.getLogger(DialogueManager.class);
    /** Clear requests that end a question for a free-text slot instead of being taken as its answer. */
    private static final Set<String> ESCAPES = Set.of(TALK_TO_HUMAN, GOODBYE, "help", DENY);
    /** At most this many words besides its entities make a message a brief refinement ("no, size 42"). */
    private static final int BRIEF_WORDS = 3;

    private final TrainingData data;
    private final ResponseTemplates templates;
    private final DialogueActions actions;
    private final DialogueSettings settings;
    private final JsonMapper json;
    private final SlotAnswerReader slotReader;
    private final Set<String> intentNames;
    private final OfferAdvisor offers;

    public DialogueManager(TrainingData data, ResponseTemplates templates, DialogueActions actions,
                           DialogueSettings settings, JsonMapper json, OfferAdvisor offers) {
        this.data = data;
        this.offers = offers;
        this.templates = templates;
        this.actions = actions;
        this.settings = settings;
        this.json = json;
        this.slotReader = new SlotAnswerReader(data);
        this.intentNames = data.intents().stream().map(IntentDefinition::name).collect(Collectors.toSet());
        List<String> unimplemented = actions.unimplemented(data);
        if (!unimplemented.isEmpty()) {
            LOG.warn("intents/ names actions no DialogueAction implements (intent → action): {}; those intents are"
                    + " answered with their responses that need no action fields", String.join(", ", unimplemented));
        }
        List<String> defaults = templates.namesUsingDefaults();
        if (!defaults.isEmpty()) {
            LOG.info("Named responses not defined in intents/, using their documented defaults: {}", defaults);
        }
    }

    /** The first message of a new conversation. */
    public Reply greeting(ConversationFacts facts) {
        return Reply.text(templates.named(SystemResponses.GREETING_NEW_SESSION, facts.channel(), values(facts,
                Map.of())));
    }

    /**
     * A {@code /intent_name} payload (or text) taken as that intent without NLU, if it names a known intent; a
     * payload {@code offer:<offer id>} (a picked offer) as {@link OfferAdvisor#OFFER_PICKED}.
     */
    public Optional<NluResult> shortcut(String text, @Nullable String payload) {
        if (payload != null && payload.startsWith(OFFER_PAYLOAD) && payload.length() > OFFER_PAYLOAD.length()) {
            String offerId = payload.substring(OFFER_PAYLOAD.length());
            IntentScore picked = new IntentScore(OfferAdvisor.OFFER_PICKED, 1.0);
            return Optional.of(new NluResult(text, picked, List.of(picked), List.of(new Entity("offer_id", offerId,
                    0, 0, offerId, "payload")), dev.parley.nlu.Sentiment.NEUTRAL, false, false, Map.of()));
        }
        return IntentShortcut.parse(text, payload, intentNames, json);
    }

    /** The answer when understanding the message failed on our side (the NLU threw): apologise, keep the memory. */
    public DialogueTurn failed(DialogueContext context, ConversationFacts facts) {
        return new DialogueTurn(List.of(Reply.text(templates.named(SystemResponses.FALLBACK_ERROR, facts.channel(),
                values(facts, Map.of())))), context, null);
    }

    public DialogueTurn respond(NluResult nlu, DialogueContext context, ConversationFacts facts) {
        Optional<DialogueTurn> answered = offers.answer(nlu, context, facts);
        return answered.isPresent() ? answered.get() : offers.advise(nlu, new Turn(nlu, context, facts).run(), facts);
    }

    /** One turn's reasoning; holds the message, the memory and the facts so the steps read plainly. */
    private final class Turn {

        private final NluResult nlu;
        private final DialogueContext context;
        private final ConversationFacts facts;
        private final String intent;

        Turn(NluResult nlu, DialogueContext context, ConversationFacts facts) {
            this.nlu = nlu;
            this.context = context;
            this.facts = facts;
            this.intent = nlu.intent().name();
        }

        DialogueTurn run() {
            if (context.awaitingConfirmation() && context.activeIntent() != null) {
                if ((intent.equals(AFFIRM) || intent.equals(context.activeIntent())) && certain()) {
                    return pursue(context.activeIntent(), context.slots(), true);
                }
                if (intent.equals(DENY)) {
                    return answered(Reply.text(named(SystemResponses.ACTION_DECLINED, Map.of())), idle(
                            context.lastIntent(), context.lastSlots()), null);
                }
            }
            if (!context.offeredIntents().isEmpty() && intent.equals(DENY) && certain() && nlu.entities().isEmpty()) {
                return failure("rejected_options", Reply.text(named(SystemResponses.ASK_REPHRASE, Map.of())),
                        List.of());
            }
            if (context.pendingSlot() != null && context.activeIntent() != null) {
                Optional<String> answer = slotAnswer(context.pendingSlot());
                if (answer.isPresent()) {
                    Map<String, String> slots = new LinkedHashMap<>(context.slots());
                    slots.putAll(entityValues());
                    slots.put(context.pendingSlot(), answer.get());
                    return pursue(context.activeIntent(), slots, false);
                }
                if (!isNewRequest()) {
                    return reprompt();
                }
            }
            if (nlu.outOfScope() || intent.equals(NluResult.OUT_OF_SCOPE)) {
                return (isBrief() ? followUp() : Optional.<DialogueTurn>empty()).orElseGet(() -> failure(
                        "out_of_scope", Reply.text(named(SystemResponses.ASK_REPHRASE, Map.of())), List.of()));
            }
            if (nlu.ambiguous()) {
                return (isBrief() ? followUp() : Optional.<DialogueTurn>empty()).orElseGet(this::didYouMean);
            }
            if (intent.equals(context.lastIntent()) || intent.equals(DENY) || intent.equals(AFFIRM)
                    || (isBrief() && !usesItsEntities())) {
                Optional<DialogueTurn> followUp = followUp();
                if (followUp.isPresent()) {
                    return followUp.get();
                }
            }
            Optional<IntentDefinition> definition = data.intent(intent);
            if (definition.isEmpty()) {
                LOG.warn("NLU returned intent {} that intents/ does not define", intent);
                return failure("out_of_scope", Reply.text(named(SystemResponses.ASK_REPHRASE, Map.of())),
                        List.of());
            }
            Map<String, String> slots = entityValues();
            Set<String> inputs = inputs(definition.get());
            // "is it in stock?" names none of the action's inputs: it is about what the last answer was about
            boolean namesNone = slots.keySet().stream().noneMatch(inputs::contains);
            for (Map.Entry<String, String> last : context.lastSlots().entrySet()) {
                boolean carry = namesNone ? inputs.contains(last.getKey())
                        : required(definition.get()).contains(last.getKey());
                if (carry) {
                    slots.putIfAbsent(last.getKey(), last.getValue());
                }
            }
            return pursue(intent, slots, false);
        }

        /** Answers an intent with these slot values: asks what is missing, confirms, runs the action, responds. */
        private DialogueTurn pursue(String name, Map<String, String> slots, boolean confirmed) {
            IntentDefinition definition = data.intent(name).orElse(null);
            if (definition == null) {
                return failure("out_of_scope", Reply.text(named(SystemResponses.ASK_REPHRASE, Map.of())), List.of());
            }
            DialogueAction action = actions.forIntent(definition).orElse(null);
            for (String required : required(definition)) {
                String value = slots.get(required);
                if (value == null || value.isBlank()) {
                    return answered(Reply.text(prompt(definition, required, slots)),
                            new DialogueContext(name, required, false, slots, context.lastIntent(),
                                    context.lastSlots(), List.of(), List.of()), null);
                }
            }
            Map<String, String> values = values(facts, slots);
            String needsHuman = name.equals(TALK_TO_HUMAN) ? REQUESTED_BY_SHOPPER : null;
            List<Reply> replies = new ArrayList<>();
            if (action != null) {
                ActionContext input = new ActionContext(slots, facts, nlu);
                ActionResult result;
                try {
                    Optional<ActionResult> refusal = action.refuse(input);
                    if (refusal.isEmpty() && action.needsConfirmation() && !confirmed) {
                        return confirm(definition, action, slots, input);
                    }
                    result = refusal.isPresent() ? refusal.get() : action.run(input);
                } catch (RuntimeException e) {
                    LOG.warn("Action {} failed in conversation {}", action.name(), facts.conversationId(), e);
                    return answered(Reply.text(named(SystemResponses.FALLBACK_ERROR, Map.of())),
                            idle(context.lastIntent(), context.lastSlots()), null);
                }
                values.putAll(result.fields());
                String text = result.responseName() != null
                        ? templates.named(result.responseName(), facts.channel(), values)
                        : intentText(definition, values);
                replies.add(new Reply(text, result.responseName() != null ? List.of()
                        : quickReplies(definition), List.of(), !name.equals(GOODBYE), false));
                if (result.followUpResponse() != null) {
                    replies.add(Reply.text(templates.named(result.followUpResponse(), facts.channel(), values)));
                }
                if (result.awaitSlot() != null) {
                    Map<String, String> kept = new LinkedHashMap<>(slots);
                    kept.remove(result.awaitSlot());
                    return new DialogueTurn(replies, new DialogueContext(name, result.awaitSlot(), false, kept,
                            context.lastIntent(), context.lastSlots(), List.of(), List.of()), null);
                }
                return new DialogueTurn(replies, idle(name, slots), needsHuman);
            }
            return answered(new Reply(intentText(definition, values), quickReplies(definition), List.of(),
                    !name.equals(GOODBYE), false), idle(name, slots), needsHuman);
        }

        /**
         * Asks the shopper to confirm a change: the intent's responses are the question (its quick replies are
         * replaced by Yes / No, which come back as {@code /affirm} and {@code /deny}).
         */
        private DialogueTurn confirm(IntentDefinition definition, DialogueAction action, Map<String, String> slots,
                                     ActionContext input) {
            Map<String, String> values = values(facts, slots);
            values.putAll(action.preview(input));
            String question = templates.render(definition.responses(), facts.channel(), values)
                    .orElseGet(() -> named("confirm_" + action.name(), values));
            Reply reply = new Reply(question, List.of(new QuickReply("Yes", "/" + AFFIRM),
                    new QuickReply("No", "/" + DENY)), List.of(), true, false);
            return answered(reply, new DialogueContext(definition.name(), null, true, slots, context.lastIntent(),
                    context.lastSlots(), List.of(), List.of()), null);
        }

        private String intentText(IntentDefinition definition, Map<String, String> values) {
            return templates.render(definition.responses(), facts.channel(), values).orElseGet(() -> {
                LOG.warn("Intent {} has no response variant for channel {} fillable with {}", definition.name(),
                        facts.channel().id(), values.keySet());
                return templates.named(SystemResponses.FALLBACK_ERROR, facts.channel(), values);
            });
        }

        /** Re-runs the last intent when the message only changes values it used ("and in blue?"). */
        private Optional<DialogueTurn> followUp() {
            String last = context.lastIntent();
            IntentDefinition definition = last == null ? null : data.intent(last).orElse(null);
            if (definition == null) {
                return Optional.empty();
            }
            Set<String> inputs = inputs(definition);
            Map<String, String> changes = new LinkedHashMap<>(entityValues());
            changes.keySet().retainAll(inputs);
            if (changes.isEmpty()) {
                return Optional.empty();
            }
            List<String> required = required(definition);
            if (intent.equals(last) && !required.isEmpty()) {
                String primary = required.get(0);
                if (changes.containsKey(primary) && !changes.get(primary).equalsIgnoreCase(
                        context.lastSlots().getOrDefault(primary, ""))) {
                    return Optional.empty(); // a new search, not a refinement of the last one
                }
            }
            Map<String, String> merged = new LinkedHashMap<>(context.lastSlots());
            merged.putAll(changes);
            return Optional.of(pursue(last, merged, false));
        }

        private DialogueTurn didYouMean() {
            List<String> options = nlu.ranking().stream().map(IntentScore::name)
                    .filter(name -> !name.equals(NluResult.OUT_OF_SCOPE) && intentNames.contains(name))
                    .distinct().limit(settings.didYouMeanOptions()).toList();
            if (options.size() < 2) {
                return failure("ambiguous", Reply.text(named(SystemResponses.ASK_REPHRASE, Map.of())), List.of());
            }
            List<String> titles = options.stream().map(DialogueManager::title).toList();
            String joined = String.join(", ", titles.subList(0, titles.size() - 1)) + " or "
                    + titles.get(titles.size() - 1);
            List<QuickReply> quickReplies = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                quickReplies.add(new QuickReply(titles.get(i), "/" + options.get(i)));
            }
            Reply question = new Reply(named(SystemResponses.DID_YOU_MEAN, Map.of("options", joined)), quickReplies,
                    List.of(), true, false);
            return failure("ambiguous", question, options);
        }

        private DialogueTurn reprompt() {
            IntentDefinition definition = data.intent(context.activeIntent()).orElseThrow();
            String slot = context.pendingSlot();
            String text = named(SystemResponses.SLOT_REPROMPT, Map.of("prompt", prompt(definition, slot,
                    context.slots()), "slot", slot.replace('_', ' '), "slot_name", slot.replace('_', ' ')));
            return failure("missing_" + slot, Reply.text(text), List.of());
        }

        /** A turn the assistant did not understand: counts towards handing the conversation to a person. */
        private DialogueTurn failure(String kind, Reply reply, List<String> offered) {
            List<String> failures = new ArrayList<>(context.failures());
            failures.add(kind);
            // a change awaiting confirmation is dropped: only a "yes" right after the question confirms it
            DialogueContext next = new DialogueContext(context.activeIntent(), context.pendingSlot(), false,
                    context.slots(), context.lastIntent(), context.lastSlots(), offered, failures);
            String reason = failures.size() >= settings.maxConsecutiveFailures() ? summarize(failures) : null;
            return new DialogueTurn(List.of(reply), next, reason);
        }

        private DialogueTurn answered(Reply reply, DialogueContext next, @Nullable String needsHuman) {
            return new DialogueTurn(List.of(reply), next, needsHuman);
        }

        private DialogueContext idle(@Nullable String lastIntent, Map<String, String> lastSlots) {
            return new DialogueContext(null, null, false, Map.of(), lastIntent, lastSlots, List.of(), List.of());
        }

        private Optional<String> slotAnswer(String slot) {
            Optional<String> extracted = nlu.entity(slot).map(Entity::value);
            if (extracted.isPresent()) {
                return extracted;
            }
            if (slotReader.isDefined(slot)) {
                return slotReader.read(slot, nlu.text());
            }
            if (certain() && ESCAPES.contains(intent)) {
                return Optional.empty();
            }
            String text = nlu.text().trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        /**
         * Little besides its entities ("and in blue?", "no, size 42", "Berlin"): such a message refines the last
         * answer more likely than it asks something new, whatever intent the NLU saw in its few other words.
         */
        private boolean isBrief() {
            StringBuilder rest = new StringBuilder(nlu.text());
            nlu.entities().stream().filter(e -> e.end() > e.start() && e.end() <= rest.length())
                    .sorted(java.util.Comparator.comparingInt(Entity::start).reversed())
                    .forEach(e -> rest.replace(e.start(), e.end(), " "));
            String words = rest.toString().replaceAll("[^\\p{L}\\p{N}' ]", " ").trim();
            return words.isEmpty() || words.split("\\s+").length <= BRIEF_WORDS;
        }

        /** Does the NLU's intent itself take the message's entities (as slots, action inputs or placeholders)? */
        private boolean usesItsEntities() {
            IntentDefinition definition = data.intent(intent).orElse(null);
            if (definition == null) {
                return false;
            }
            Set<String> used = new java.util.HashSet<>(inputs(definition));
            definition.responses().forEach(variant -> ResponseTemplates.placeholders(variant.text()).forEach(used::add));
            return nlu.entities().stream().anyMatch(e -> used.contains(e.type()));
        }

        /** While a slot is asked for: does the message clearly ask for something else? */
        private boolean isNewRequest() {
            if (!certain() || !intentNames.contains(intent)) {
                return false;
            }
            return slotReader.isDefined(context.pendingSlot())
                    ? !intent.equals(context.activeIntent()) && !intent.equals(AFFIRM)
                    : ESCAPES.contains(intent);
        }

        private boolean certain() {
            return !nlu.outOfScope() && !nlu.ambiguous() && !intent.equals(NluResult.OUT_OF_SCOPE);
        }

        private Map<String, String> entityValues() {
            Map<String, String> values = new LinkedHashMap<>();
            for (Entity entity : nlu.entities()) {
                values.putIfAbsent(entity.type(), entity.value());
            }
            return values;
        }

        private String prompt(IntentDefinition definition, String slot, Map<String, String> slots) {
            for (SlotRequirement requirement : definition.slots()) {
                if (requirement.entity().equals(slot)) {
                    return requirement.prompt();
                }
            }
            String named = "ask_" + slot;
            if (data.responses().containsKey(named) || !SystemResponses.defaults(named).isEmpty()) {
                return named(named, slots);
            }
            return named(SystemResponses.ASK_SLOT, Map.of("slot", slot.replace('_', ' '), "slot_name",
                    slot.replace('_', ' ')));
        }

        private String named(String name, Map<String, String> extra) {
            return templates.named(name, facts.channel(), values(facts, extra));
        }
    }

    /** The intent's slots, then its action's required inputs. */
    private List<String> required(IntentDefinition definition) {
        Set<String> required = new LinkedHashSet<>();
        definition.slots().forEach(slot -> required.add(slot.entity()));
        actions.forIntent(definition).ifPresent(action -> required.addAll(action.requiredInputs()));
        return List.copyOf(required);
    }

    /** Every value a follow-up may change: required slots and the action's optional filters. */
    private Set<String> inputs(IntentDefinition definition) {
        Set<String> inputs = new LinkedHashSet<>(required(definition));
        actions.forIntent(definition).ifPresent(action -> inputs.addAll(action.optionalInputs()));
        return inputs;
    }

    private static Map<String, String> values(ConversationFacts facts, Map<String, String> slots) {
        Map<String, String> values = new LinkedHashMap<>(slots);
        if (facts.shopperName() != null && !facts.shopperName().isBlank()) {
            values.put("shopper_name", facts.shopperName());
        }
        return values;
    }

    private static List<QuickReply> quickReplies(IntentDefinition definition) {
        return definition.quickReplies().stream().map(title -> new QuickReply(title, title)).toList();
    }

    /** "order_status" → "Order status": quick-reply titles for intents. */
    static String title(String intent) {
        String words = intent.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** "out_of_scope x2", or "ambiguous x1, out_of_scope x1" when the failures differ. */
    static String summarize(List<String> failures) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        failures.forEach(kind -> counts.merge(kind, 1, Integer::sum));
        return counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
