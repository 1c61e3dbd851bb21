package dev.parley.channel.voice;

import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import dev.parley.message.Reply;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The voice renderer: the replies of one turn become a short spoken answer and a reprompt, the same for Alexa
 * (SSML) and the phone (plain words). A listener cannot scroll back, so it keeps whole sentences up to
 * {@code parley.voice.max-characters}, speaks the best offer as one sentence followed by a yes/no question, and
 * moves suggested answers into the reprompt ("You can say track my parcel or talk to a person").
 */
@Singleton
public class SpeechRenderer {

    private static final int MAX_CHOICES = 3;

    private final VoiceSettings settings;

    public SpeechRenderer(VoiceSettings settings) {
        this.settings = settings;
    }

    public VoiceReply render(List<Reply> replies) {
        String written = String.join(" ", replies.stream().map(Reply::text).filter(t -> t != null && !t.isBlank())
                .toList());
        String said = shorten(SpokenText.sentences(SpokenText.clean(written)));
        Optional<OfferCard> offer = replies.stream().flatMap(r -> r.offers().stream()).findFirst();
        List<QuickReply> choices = replies.isEmpty() ? List.of() : replies.get(replies.size() - 1).quickReplies();
        boolean ends = !replies.isEmpty() && !replies.get(replies.size() - 1).expectsAnswer();

        StringBuilder speech = new StringBuilder(said);
        String reprompt;
        if (offer.isPresent() && !ends) {
            speech.append(speech.isEmpty() ? "" : " ").append(offerSentence(offer.get())).append(' ')
                    .append(settings.offerQuestion());
            reprompt = settings.offerQuestion();
        } else if (!choices.isEmpty()) {
            reprompt = choicesSentence(choices);
        } else {
            reprompt = lastQuestion(said).orElse(settings.reprompt());
        }
        return new VoiceReply(Speech.of(SpokenText.of(speech.toString())), Speech.of(SpokenText.of(reprompt)),
                ends);
    }

    /** Speaks a fixed sentence (a hand-off notice, a "didn't hear you"). */
    public Speech say(String written) {
        return Speech.of(SpokenText.of(written));
    }

    /** "I also have an offer for you: 20% off running shoes, for 49.90 EUR." */
    private String offerSentence(OfferCard offer) {
        StringBuilder sentence = new StringBuilder(settings.offerIntro()).append(' ').append(offer.title().trim());
        if (offer.price() != null && offer.currency() != null) {
            sentence.append(", for ").append(amount(offer.price())).append(' ').append(offer.currency());
        }
        return sentence.append('.').toString();
    }

    private static String amount(BigDecimal price) {
        return price.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private String choicesSentence(List<QuickReply> choices) {
        List<String> titles = choices.stream().limit(MAX_CHOICES).map(c -> c.title().trim())
                .filter(t -> !t.isEmpty()).toList();
        if (titles.isEmpty()) {
            return settings.reprompt();
        }
        String list = titles.size() == 1 ? titles.get(0)
                : String.join(", ", titles.subList(0, titles.size() - 1)) + " or " + titles.get(titles.size() - 1);
        return settings.choicesIntro() + " " + list + ".";
    }

    /** Whole sentences up to the length budget; the first sentence is always kept. */
    private String shorten(List<String> sentences) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String sentence : sentences) {
            if (!kept.isEmpty() && length + sentence.length() + 1 > settings.maxCharacters()) {
                break;
            }
            kept.add(sentence);
            length += sentence.length() + 1;
        }
        return String.join(" ", kept);
    }

    private static Optional<String> lastQuestion(String said) {
        List<String> sentences = SpokenText.sentences(said);
        for (int i = sentences.size() - 1; i >= 0; i--) {
            if (sentences.get(i).endsWith("?")) {
                return Optional.of(sentences.get(i));
            }
        }
        return Optional.empty();
    }
}
