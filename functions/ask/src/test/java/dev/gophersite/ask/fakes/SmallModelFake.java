package dev.gophersite.ask.fakes;

import dev.gophersite.ask.answering.NotInPassages;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake chat model that behaves like the small models the site runs on (0.5B–1B parameters): it reads the
 * numbered passages of the prompt and answers from the sentences sharing most words with the question, but only
 * some answers follow the rules. By a stable hash of the question it answers cited, uncited, with citations of
 * passages that do not exist, rambling with an invented claim, in another language, or with filler. When no
 * sentence of the passages shares a word with the question, the ones that follow instructions reply with the
 * "not in these passages" marker, as the prompt asks. For evaluation and unit tests only.
 */
public final class SmallModelFake implements ChatModel {
    private static final Pattern PASSAGE =
            Pattern.compile("(?m)^\\[(\\d+)] (.*?)(?=^\\[\\d+] |^Question: )", Pattern.DOTALL);
    private static final Pattern QUESTION = Pattern.compile("(?m)^Question: (.*)$");

    public enum Behaviour {
        CITED,
        UNCITED,
        WRONG_CITATIONS,
        RAMBLING,
        OTHER_LANGUAGE,
        FILLER
    }

    private final List<ChatRequest> requests = new ArrayList<>();
    private final Optional<Behaviour> fixed;

    public SmallModelFake() {
        this(Optional.empty());
    }

    private SmallModelFake(Optional<Behaviour> fixed) {
        this.fixed = fixed;
    }

    /** A model that answers every question one way. */
    public static SmallModelFake always(Behaviour behaviour) {
        return new SmallModelFake(Optional.of(behaviour));
    }

    /** How the model answers a question: four in ten well, the rest the ways small models go wrong. */
    public static Behaviour behaviourFor(String question) {
        int bucket = Math.floorMod(question.strip().hashCode(), 10);
        return switch (bucket) {
            case 0, 1, 2, 3 -> Behaviour.CITED;
            case 4, 5 -> Behaviour.UNCITED;
            case 6 -> Behaviour.WRONG_CITATIONS;
            case 7 -> Behaviour.RAMBLING;
            case 8 -> Behaviour.OTHER_LANGUAGE;
            default -> Behaviour.FILLER;
        };
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        String prompt = ((UserMessage) request.messages().getLast()).singleText();
        Matcher q = QUESTION.matcher(prompt);
        String question = q.find() ? q.group(1).strip() : "";
        record Sentence(String text, int passage, int overlap) {}
        Set<String> words = words(question);
        List<Sentence> sentences = new ArrayList<>();
        Matcher m = PASSAGE.matcher(prompt);
        while (m.find()) {
            int number = Integer.parseInt(m.group(1));
            for (String s : m.group(2).split("(?<=[.!?])\\s+|\\n")) {
                Set<String> shared = new HashSet<>(words(s));
                shared.retainAll(words);
                if (s.strip().length() > 20) {
                    sentences.add(new Sentence(s.strip(), number, shared.size()));
                }
            }
        }
        List<Sentence> best = sentences.stream()
                .sorted(Comparator.comparingInt(Sentence::overlap).reversed().thenComparingInt(Sentence::passage))
                .limit(2)
                .toList();
        StringBuilder answer = new StringBuilder();
        Behaviour behaviour = fixed.orElseGet(() -> behaviourFor(question));
        boolean nothingShared = best.isEmpty() || best.getFirst().overlap() == 0;
        if (nothingShared
                && EnumSet.of(Behaviour.CITED, Behaviour.UNCITED, Behaviour.WRONG_CITATIONS)
                        .contains(behaviour)) {
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(NotInPassages.MARKER))
                    .build();
        }
        for (Sentence s : best) {
            String text = s.text().endsWith(".") ? s.text() : s.text() + ".";
            switch (behaviour) {
                case CITED ->
                    answer.append(text, 0, text.length() - 1)
                            .append(" [")
                            .append(s.passage())
                            .append("]. ");
                case UNCITED, RAMBLING -> answer.append(text).append(' ');
                case WRONG_CITATIONS ->
                    answer.append(text, 0, text.length() - 1)
                            .append(" [")
                            .append(s.passage() + 6)
                            .append("]. ");
                case OTHER_LANGUAGE ->
                    answer.append("Según el texto: ").append(text).append(' ');
                case FILLER -> {}
            }
        }
        String reply = switch (behaviour) {
            case RAMBLING ->
                "Great question! Go is a language that many people love. " + answer
                        + "It was designed by Sun Microsystems in 1995 and is mostly used for mobile games.";
            case FILLER ->
                "As an AI language model, I think this is an interesting topic with many aspects to consider.";
            default -> answer.toString().strip();
        };
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(reply.isBlank() ? "Sorry." : reply))
                .build();
    }

    public synchronized int calls() {
        return requests.size();
    }

    /** The text of the last request's last message: for an answer, the passages, the question and the rules. */
    public synchronized String lastUserText() {
        return requests.isEmpty()
                ? ""
                : ((UserMessage) requests.getLast().messages().getLast()).singleText();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                words.add(w);
            }
        }
        return words;
    }
}
