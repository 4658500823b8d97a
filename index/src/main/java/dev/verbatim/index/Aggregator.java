package dev.verbatim.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, in one pass over the matching documents, the total, the values of each facet and the
 * records per UTC day (with how many are negative), from per-segment {@link Columns}.
 *
 * <p>Design decision: facets are plain sorted-set doc values counted per segment by ordinal, rather
 * than the facet module's {@code SortedSetDocValuesFacetCounts}. Our facets are few and small (a
 * handful of channels, sentiments, languages; tens of topics), so per-segment ordinal arrays merged
 * by value at the end of each segment cost nothing, need no taxonomy or global ordinal state, and
 * share the pass with the histogram. Days are counted first and rolled up into weeks or months at
 * the end.
 */
final class Aggregator implements CollectorManager<Aggregator.Counter, Aggregator.Counts> {
  /** Above this many buckets, empty buckets between the first and last are not filled in. */
  private static final int MAX_FILLED_BUCKETS = 10_000;

  /** Gives a segment's columns, building them on first use. */
  interface ColumnSource {
    Columns columns(LeafReaderContext leaf) throws IOException;
  }

  private final ColumnSource columns;
  private final boolean facets;
  private final boolean days;

  /**
   * @param columns where segments' columns come from
   * @param facets whether to count every facet in {@link IndexSchema#FACETS}
   * @param days whether to count records per day
   */
  Aggregator(ColumnSource columns, boolean facets, boolean days) {
    this.columns = columns;
    this.facets = facets;
    this.days = days;
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Counts reduce(Collection<Counter> collectors) {
    long total = 0;
    Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
    if (facets) for (String f : IndexSchema.FACETS) merged.put(f, new HashMap<>());
    DayCounts dayCounts = new DayCounts();
    for (Counter c : collectors) {
      total += c.total;
      c.facetCounts.forEach((f, m) -> m.forEach((v, n) -> merged.get(f).merge(v, n, Long::sum)));
      dayCounts.addAll(c.dayCounts);
    }
    Map<String, Map<String, Long>> sorted = new LinkedHashMap<>();
    merged.forEach((f, m) -> sorted.put(f, byCountDesc(m)));
    return new Counts(total, sorted, dayCounts);
  }

  private static Map<String, Long> byCountDesc(Map<String, Long> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEachOrdered(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** What the pass counted. */
  record Counts(long total, Map<String, Map<String, Long>> facets, DayCounts days) {}

  /** Collects one searcher slice; not thread-safe. */
  final class Counter implements Collector {
    long total;
    final Map<String, Map<String, Long>> facetCounts = new LinkedHashMap<>();
    final DayCounts dayCounts = new DayCounts();

    Counter() {
      if (facets) for (String f : IndexSchema.FACETS) facetCounts.put(f, new HashMap<>());
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      Columns cols = columns.columns(context);
      int n = facets ? IndexSchema.FACETS.size() : 0;
      int[][] counts = new int[n][];
      for (int i = 0; i < n; i++) {
        counts[i] = new int[valueCount(context, IndexSchema.FACETS.get(i))];
      }
      int[] day = cols.day;
      // facets counted doc by doc: single-valued ones outside the combination, and multi-valued
      int[] singles = java.util.stream.IntStream.range(0, n)
          .filter(i -> cols.single[i] != null).toArray();
      int[] multis = java.util.stream.IntStream.range(0, n)
          .filter(i -> cols.single[i] == null && !cols.inCombo(i)).toArray();
      char[] combo = n > 0 ? cols.combo : null;
      int[] comboCounts = combo == null ? null : new int[cols.comboSize];
      char[] dayNeg = days ? cols.dayNeg : null;
      int[] dayNegCounts = dayNeg == null ? null : new int[cols.daySlots];

      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collectRange(int min, int max) {
          // match-all and dense filters arrive as ranges: one tight loop instead of a call per doc
          for (int doc = min; doc < max; doc++) collect(doc);
        }

        @Override
        public void collect(int doc) {
          total++;
          if (comboCounts != null) comboCounts[combo[doc]]++;
          for (int i : singles) {
            int ord = cols.single[i][doc];
            if (ord >= 0) counts[i][ord]++;
          }
          for (int i : multis) {
            int[] c = counts[i];
            long[] masks = cols.multiMask[i];
            if (masks != null) {
              for (long m = masks[doc]; m != 0; m &= m - 1) c[Long.numberOfTrailingZeros(m)]++;
            } else {
              int[] ords = cols.multiOrds[i];
              int[] start = cols.multiStart[i];
              for (int k = start[doc], end = start[doc + 1]; k < end; k++) c[ords[k]]++;
            }
          }
          if (dayNegCounts != null) {
            dayNegCounts[dayNeg[doc]]++;
          } else if (days && day[doc] != Columns.NO_DAY) {
            dayCounts.add(day[doc], cols.negative.get(doc));
          }
        }

        @Override
        public void finish() throws IOException {
          if (comboCounts != null) {
            for (int code = 0; code < comboCounts.length; code++) {
              int c = comboCounts[code];
              if (c == 0) continue;
              int rest = code;
              for (int j = 0; j < cols.comboFacets.length; j++) {
                int ord = rest % cols.comboRadix[j] - 1;
                rest /= cols.comboRadix[j];
                if (ord >= 0) counts[cols.comboFacets[j]][ord] += c;
              }
            }
          }
          if (dayNegCounts != null) {
            for (int slot = 1; slot < dayNegCounts.length; slot += 2) {
              long all = dayNegCounts[slot] + (slot + 1 < dayNegCounts.length ? dayNegCounts[slot + 1] : 0);
              if (all == 0) continue;
              long neg = slot + 1 < dayNegCounts.length ? dayNegCounts[slot + 1] : 0;
              dayCounts.add(cols.minDay + (slot - 1) / 2, all, neg);
            }
          }
          for (int i = 0; i < n; i++) {
            String field = IndexSchema.FACETS.get(i);
            SortedSetDocValues names = DocValues.getSortedSet(context.reader(), field);
            Map<String, Long> out = facetCounts.get(field);
            for (int ord = 0; ord < counts[i].length; ord++) {
              if (counts[i][ord] > 0) {
                out.merge(names.lookupOrd(ord).utf8ToString(), (long) counts[i][ord], Long::sum);
              }
            }
          }
        }
      };
    }
  }

  private static int valueCount(LeafReaderContext context, String field) throws IOException {
    return (int) Math.min(DocValues.getSortedSet(context.reader(), field).getValueCount(),
        Integer.MAX_VALUE - 8);
  }

  /**
   * Records per day (days since the epoch, UTC) with their negative counts. A dense array over the
   * usual span, a map for outliers, so a record dated in year 9999 costs no memory.
   */
  static final class DayCounts {
    private static final int MAX_SPAN = 1 << 15; // about 90 years of days in the array
    private long base = Long.MIN_VALUE;
    private int[] count = new int[0];
    private int[] negative = new int[0];
    private final Map<Long, long[]> outliers = new HashMap<>();

    void add(long day, boolean neg) {
      add(day, 1, neg ? 1 : 0);
    }

    void add(long day, long n, long neg) {
      if (base == Long.MIN_VALUE) {
        base = day - MAX_SPAN / 2;
        count = new int[MAX_SPAN];
        negative = new int[MAX_SPAN];
      }
      long i = day - base;
      if (i >= 0 && i < MAX_SPAN && n < Integer.MAX_VALUE / 2) {
        count[(int) i] += (int) n;
        negative[(int) i] += (int) neg;
      } else {
        long[] c = outliers.computeIfAbsent(day, d -> new long[2]);
        c[0] += n;
        c[1] += neg;
      }
    }

    void addAll(DayCounts other) {
      other.forEach(this::add);
    }

    interface DayVisitor {
      void visit(long day, long count, long negative);
    }

    void forEach(DayVisitor v) {
      for (int i = 0; i < count.length; i++) {
        if (count[i] > 0) v.visit(base + i, count[i], negative[i]);
      }
      outliers.forEach((d, c) -> v.visit(d, c[0], c[1]));
    }

    /** The days rolled up into buckets of {@code interval}, empty buckets filled in between. */
    List<HistogramBucket> buckets(SearchRequest.Interval interval) {
      TreeMap<LocalDate, long[]> byStart = new TreeMap<>();
      forEach(
          (day, c, neg) -> {
            long[] b = byStart.computeIfAbsent(bucketStart(day, interval), d -> new long[2]);
            b[0] += c;
            b[1] += neg;
          });
      List<HistogramBucket> out = new ArrayList<>();
      if (byStart.isEmpty()) return out;
      boolean fill = span(byStart.firstKey(), byStart.lastKey(), interval) <= MAX_FILLED_BUCKETS;
      LocalDate d = byStart.firstKey();
      while (d != null && !d.isAfter(byStart.lastKey())) {
        long[] b = byStart.getOrDefault(d, new long[2]);
        out.add(new HistogramBucket(d.toString(), b[0], b[1], b[0] == 0 ? 0 : (double) b[1] / b[0]));
        d = fill ? next(d, interval) : byStart.higherKey(d);
      }
      return out;
    }

    static LocalDate bucketStart(long epochDay, SearchRequest.Interval interval) {
      long day = Math.max(LocalDate.MIN.toEpochDay(), Math.min(LocalDate.MAX.toEpochDay(), epochDay));
      return switch (interval) {
        case DAY -> LocalDate.ofEpochDay(day);
        // 1970-01-01 was a Thursday: (epochDay + 3) mod 7 is the days since Monday
        case WEEK -> LocalDate.ofEpochDay(day - Math.floorMod(day + 3, 7));
        case MONTH -> LocalDate.ofEpochDay(day).withDayOfMonth(1);
      };
    }

    private static LocalDate next(LocalDate d, SearchRequest.Interval interval) {
      return switch (interval) {
        case DAY -> d.plusDays(1);
        case WEEK -> d.plusWeeks(1);
        case MONTH -> d.plusMonths(1);
      };
    }

    private static long span(LocalDate first, LocalDate last, SearchRequest.Interval interval) {
      long days = last.toEpochDay() - first.toEpochDay();
      return switch (interval) {
        case DAY -> days;
        case WEEK -> days / 7;
        case MONTH -> days / 28;
      };
    }
  }
}
