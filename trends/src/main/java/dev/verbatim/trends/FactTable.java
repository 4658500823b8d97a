package dev.verbatim.trends;

import static java.util.Objects.requireNonNull;

import dev.verbatim.index.RecordFacts;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Everything trends need from the feedback, gathered in one pass: per topic and UTC day the
 * volume, topic-level negative and positive mentions, sentiment sum, distinct accounts, channel and
 * segment counts; the same for all records (the denominators); the days each account raised each
 * topic (all and negatively); and every survey response with its topics.
 *
 * <p>Near-duplicates are skipped (the original counts once); records without an event time are
 * counted and skipped. Memory: a few bytes per record-topic pair plus one small bit set per
 * topic-day of the accounts seen (about 80 MB for a million records over 10,000 accounts).
 * Immutable after {@link #build}; safe to share across threads.
 */
public final class FactTable {
  /** Counts for one topic (or all records) on one UTC day. */
  static final class Cell {
    long volume;
    long negative;
    long positive;
    long scored;
    double scoreSum;
    final BitSet accounts = new BitSet();
    /** Volume per channel and per segment, indexed by {@link #channelName} / {@link #segmentName}. */
    long[] byChannel = new long[4];
    long[] bySegment = new long[4];

    void add(RecordFacts f, @Nullable String polarity, int account, int channel, int segment) {
      volume++;
      if ("negative".equals(polarity)) negative++;
      else if ("positive".equals(polarity)) positive++;
      if (f.sentimentScore() != null) {
        scored++;
        scoreSum += f.sentimentScore();
      }
      if (account >= 0) accounts.set(account);
      if (channel >= byChannel.length) byChannel = Arrays.copyOf(byChannel, channel + 4);
      byChannel[channel]++;
      if (segment >= bySegment.length) bySegment = Arrays.copyOf(bySegment, segment + 4);
      bySegment[segment]++;
    }
  }

  /** One survey answer: its scale, value, day and topics (indices into {@link #topics()}). */
  record Response(String scale, double value, int day, int[] topics) {}

  /** A growable list of epoch days, deduplicating a repeat of the last day. */
  static final class Days {
    int[] days = new int[2];
    int size;

    void add(int day) {
      if (size > 0 && days[size - 1] == day) return;
      if (size == days.length) days = Arrays.copyOf(days, size * 2);
      days[size++] = day;
    }

    /** True if a day in {@code [from, to]} is held. */
    boolean any(int from, int to) {
      for (int i = 0; i < size; i++) if (days[i] >= from && days[i] <= to) return true;
      return false;
    }
  }

  private final List<String> topics = new ArrayList<>();
  private final Map<String, Integer> topicIndex = new HashMap<>();
  private final List<String> accounts = new ArrayList<>();
  private final Map<String, Integer> accountIndex = new HashMap<>();
  private final List<Map<Integer, Cell>> topicDays = new ArrayList<>();
  private final Map<Integer, Cell> allDays = new HashMap<>();
  private final List<Map<Integer, Days>> raised = new ArrayList<>();
  private final List<Map<Integer, Days>> raisedNegative = new ArrayList<>();
  private final List<Response> responses = new ArrayList<>();
  private int[] firstDay = new int[16];
  private final List<String> channels = new ArrayList<>();
  private final Map<String, Integer> channelIndex = new HashMap<>();
  private final List<String> segments = new ArrayList<>();
  private final Map<String, Integer> segmentIndex = new HashMap<>();
  private int minDay = Integer.MAX_VALUE;
  private int maxDay = Integer.MIN_VALUE;
  private long records;
  private long duplicates;
  private long undated;

  private FactTable() {}

  /**
   * Reads every record of {@code source} written before the end of {@code until} (all when {@code
   * null}) that {@code filter} accepts.
   */
  public static FactTable build(TrendSource source, @Nullable LocalDate until, Predicate<RecordFacts> filter)
      throws IOException {
    requireNonNull(filter, "filter");
    FactTable t = new FactTable();
    Instant end = until == null ? null : until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    source.scan(end, f -> {
      if (filter.test(f)) t.add(f);
    });
    return t;
  }

  private void add(RecordFacts f) {
    if (f.duplicate()) {
      duplicates++;
      return;
    }
    if (f.eventTime() == null) {
      undated++;
      return;
    }
    records++;
    int day = (int) Math.floorDiv(f.eventTime().getEpochSecond(), 86_400L);
    minDay = Math.min(minDay, day);
    maxDay = Math.max(maxDay, day);
    int account = f.account() == null ? -1 : accountIndex.computeIfAbsent(f.account(), a -> {
      accounts.add(a);
      return accounts.size() - 1;
    });
    String docPolarity = f.sentiment() == null ? null : f.sentiment().toLowerCase(Locale.ROOT);
    int channel = intern(f.channel(), channels, channelIndex);
    int segment = intern(f.segment(), segments, segmentIndex);
    allDays.computeIfAbsent(day, d -> new Cell()).add(f, docPolarity, account, channel, segment);
    List<String> ts = f.topics();
    int[] ids = new int[ts.size()];
    int k = 0;
    for (String topic : ts) {
      int ti = topicIndex.computeIfAbsent(topic, x -> {
        topics.add(x);
        topicDays.add(new HashMap<>());
        if (topics.size() > firstDay.length) firstDay = Arrays.copyOf(firstDay, firstDay.length * 2);
        firstDay[topics.size() - 1] = Integer.MAX_VALUE;
        return topics.size() - 1;
      });
      boolean repeat = false;
      for (int j = 0; j < k; j++) repeat |= ids[j] == ti;
      if (repeat) continue;
      ids[k++] = ti;
      String polarity = f.topicSentiment(topic);
      topicDays.get(ti).computeIfAbsent(day, d -> new Cell()).add(f, polarity, account, channel, segment);
      if (day < firstDay[ti]) firstDay[ti] = day;
      if (account >= 0) {
        while (raised.size() <= account) {
          raised.add(null);
          raisedNegative.add(null);
        }
        if (raised.get(account) == null) {
          raised.set(account, new HashMap<>());
          raisedNegative.set(account, new HashMap<>());
        }
        raised.get(account).computeIfAbsent(ti, x -> new Days()).add(day);
        if ("negative".equals(polarity)) raisedNegative.get(account).computeIfAbsent(ti, x -> new Days()).add(day);
      }
    }
    if (f.rating() != null && f.ratingScale() != null) {
      responses.add(new Response(f.ratingScale().toLowerCase(Locale.ROOT), f.rating(), day, Arrays.copyOf(ids, k)));
    }
  }

  /** Topic ids seen, in order of first appearance. */
  public List<String> topics() {
    return List.copyOf(topics);
  }

  /** Records counted (neither duplicate nor undated). */
  public long records() {
    return records;
  }

  /** Near-duplicates skipped. */
  public long duplicates() {
    return duplicates;
  }

  /** Records without an event time, skipped. */
  public long undated() {
    return undated;
  }

  /** The first day with a counted record, or {@code null} when there is none. */
  public @Nullable LocalDate firstDay() {
    return records == 0 ? null : LocalDate.ofEpochDay(minDay);
  }

  /** The last day with a counted record, or {@code null} when there is none. */
  public @Nullable LocalDate lastDay() {
    return records == 0 ? null : LocalDate.ofEpochDay(maxDay);
  }

  /** The first day {@code topic} was raised, or {@code null}. */
  @Nullable LocalDate firstDayOf(String topic) {
    Integer ti = topicIndex.get(topic);
    return ti == null ? null : LocalDate.ofEpochDay(firstDay[ti]);
  }

  /** The name of channel index {@code i} ({@code unknown} for records without one). */
  String channelName(int i) {
    return channels.get(i);
  }

  /** The name of segment index {@code i} ({@code unknown} for records without one). */
  String segmentName(int i) {
    return segments.get(i);
  }

  private static int intern(@Nullable String value, List<String> names, Map<String, Integer> index) {
    return index.computeIfAbsent(value == null ? "unknown" : value, v -> {
      names.add(v);
      return names.size() - 1;
    });
  }

  /** The day cells of {@code topic}, or of all records when {@code topic} is {@code null}. */
  Map<Integer, Cell> days(@Nullable String topic) {
    if (topic == null) return allDays;
    Integer ti = topicIndex.get(topic);
    return ti == null ? Map.of() : topicDays.get(ti);
  }

  int topicIndex(String topic) {
    Integer ti = topicIndex.get(topic);
    return ti == null ? -1 : ti;
  }

  /** The index of {@code account}, or -1 if it wrote nothing counted. */
  int accountIndex(String account) {
    Integer ai = accountIndex.get(account);
    return ai == null ? -1 : ai;
  }

  /** The days account {@code ai} raised topic {@code ti} (negatively, when asked), or {@code null}. */
  @Nullable Days raised(int ai, int ti, boolean negative) {
    if (ai < 0 || ai >= raised.size() || raised.get(ai) == null) return null;
    return (negative ? raisedNegative : raised).get(ai).get(ti);
  }

  List<Response> responses() {
    return responses;
  }
}
