package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One customer message as every ingest adapter produces it; see {@code
 * shared/formats/feedback.md}. A plain {@code text} arrives as one customer {@link Turn}.
 *
 * <p>A record has at least one turn, except a score-only survey response (a rating with an empty
 * comment), which is kept so its score counts but has nothing to analyse.
 *
 * @param id source and id; re-ingesting the same id updates the record
 * @param channel the kind of feedback
 * @param eventTime when the customer wrote it; trends use this, never the ingestion time
 * @param turns the conversation in order; customer turns are analysed, the rest is context
 * @param accountId the customer account, to join with accounts and outcomes
 * @param customerId the person, where known
 * @param rating a score that came with the text
 * @param language a BCP-47 tag if the source states one; otherwise it is detected
 * @param subject ticket subject or review title
 * @param meta anything else, kept and shown, never interpreted (values are strings or JSON text)
 */
public record Feedback(
    FeedbackId id,
    Channel channel,
    Instant eventTime,
    List<Turn> turns,
    @Nullable String accountId,
    @Nullable String customerId,
    @Nullable Rating rating,
    @Nullable String language,
    @Nullable String subject,
    Map<String, String> meta) {

  public Feedback {
    requireNonNull(id, "id");
    requireNonNull(channel, "channel");
    requireNonNull(eventTime, "eventTime");
    turns = List.copyOf(turns);
    meta = Map.copyOf(meta);
    if (turns.isEmpty() && rating == null) {
      throw new IllegalArgumentException("no text, no turns and no rating: " + id);
    }
  }

  /** The customer turns, in order. */
  public List<Turn> customerTurns() {
    return turns.stream().filter(t -> t.speaker() == Speaker.CUSTOMER).toList();
  }

  /** The customer's words, turns joined by a blank line; empty for a score-only record. */
  public String customerText() {
    return customerTurns().stream().map(Turn::text).collect(Collectors.joining("\n\n"));
  }
}
