package dev.verbatim.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One search hit: what a result list shows of a record. All text is redacted.
 *
 * @param id the record's id within its source
 * @param source where it came from
 * @param channel ticket, chat, review or survey
 * @param eventTime when the customer wrote it
 * @param accountId the account, if known
 * @param score the relevance score
 * @param text the redacted customer text
 */
public record Hit(
    String id,
    String source,
    String channel,
    @JsonProperty("event_time") Instant eventTime,
    @JsonProperty("account_id") @Nullable String accountId,
    float score,
    String text) {}
