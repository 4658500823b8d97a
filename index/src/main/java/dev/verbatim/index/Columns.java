package dev.verbatim.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;

/**
 * One segment's facet ordinals, event days and negative flags decoded from doc values into plain
 * arrays, so that counting a million matches is array reads rather than doc-values lookups.
 *
 * <p>Design decision: built once per segment on the first search that counts, and kept for the life
 * of the {@link FeedbackSearch} (whose reader never changes). Costs about 30 bytes per document
 * (30 MB for a million); a single pass over the doc values to build, about what one counting
 * search costs without it. Immutable once built, so shared by concurrent searches.
 */
final class Columns {
  /** {@link #day} of a document without an event time. */
  static final int NO_DAY = Integer.MIN_VALUE;

  /** Per facet (in {@link IndexSchema#FACETS} order): ordinal per doc, -1 if none; null if multi. */
  final @Nullable int[][] single;
  /** Per multi-valued facet: where a doc's ordinals start in {@link #multiOrds}; null if single. */
  final @Nullable int[][] multiStart;
  /** Per multi-valued facet: the ordinals of all docs, in doc order. */
  final @Nullable int[][] multiOrds;
  /**
   * Per multi-valued facet with at most 64 values: each doc's ordinals as bits of one long (one
   * read per doc instead of three); null otherwise, then {@link #multiStart} serves.
   */
  final long @Nullable [][] multiMask;
  /** Epoch day (UTC) of the event per doc, {@link #NO_DAY} if none. */
  final int[] day;
  /** Docs whose document sentiment is negative. */
  final FixedBitSet negative;

  /**
   * Most bounded product of single-valued facets' value counts packed into {@link #combo}: one
   * counter per combination, so the per-collector array stays small.
   */
  static final int MAX_COMBINATIONS = 4096;

  /**
   * Per doc, the combination of its values of the {@link #comboFacets} as one mixed-radix number
   * (digit = ordinal + 1, 0 = no value); null if no facet fits. Counting one combination per doc
   * and decoding the few distinct ones at the end of a segment halves the work of a facet pass
   * over a million matches, against one increment per facet per doc.
   */
  final char @Nullable [] combo;
  /** Facet indexes (into {@link IndexSchema#FACETS}) packed into {@link #combo}, low digit first. */
  final int[] comboFacets;
  /** Radix (value count + 1) of each of {@link #comboFacets}. */
  final int[] comboRadix;
  /** Number of combinations: product of {@link #comboRadix}. */
  final int comboSize;
  /**
   * Per doc, {@code 1 + 2 * (day - minDay) + negative}, 0 if it has no event time; null if the
   * segment spans too many days (then {@link #day} and {@link #negative} serve).
   */
  final char @Nullable [] dayNeg;
  /** First day of {@link #dayNeg}. */
  final int minDay;
  /** Length of a counter array indexed by {@link #dayNeg} values. */
  final int daySlots;

  private Columns(
      @Nullable int[][] single, @Nullable int[][] multiStart, @Nullable int[][] multiOrds, int[] day,
      FixedBitSet negative, char @Nullable [] combo, int[] comboFacets, int[] comboRadix,
      int comboSize, char @Nullable [] dayNeg, int minDay, int maxDay) {
    this.single = single;
    this.multiStart = multiStart;
    this.multiOrds = multiOrds;
    this.multiMask = new long[multiStart.length][];
    for (int i = 0; i < multiStart.length; i++) {
      if (multiStart[i] == null || multiOrds[i] == null) continue;
      int[] ords = multiOrds[i];
      int max = -1;
      for (int o : ords) max = Math.max(max, o);
      if (max >= 64) continue;
      int[] start = multiStart[i];
      long[] mask = new long[start.length - 1];
      for (int doc = 0; doc < mask.length; doc++) {
        for (int k = start[doc]; k < start[doc + 1]; k++) mask[doc] |= 1L << ords[k];
      }
      this.multiMask[i] = mask;
      multiStart[i] = null; // the mask replaces them: 8 bytes per doc instead of 4 + 4 per value
      multiOrds[i] = null;
    }
    this.day = day;
    this.negative = negative;
    this.combo = combo;
    this.comboFacets = comboFacets;
    this.comboRadix = comboRadix;
    this.comboSize = comboSize;
    this.dayNeg = dayNeg;
    this.minDay = minDay;
    this.daySlots = dayNeg == null ? 0 : 2 * (maxDay - minDay + 1) + 1;
  }

  /** Whether facet {@code i} is counted through {@link #combo}. */
  boolean inCombo(int i) {
    for (int f : comboFacets) if (f == i) return true;
    return false;
  }

  static Columns build(LeafReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    List<String> facets = IndexSchema.FACETS;
    int[][] single = new int[facets.size()][];
    int[][] multiStart = new int[facets.size()][];
    int[][] multiOrds = new int[facets.size()][];
    for (int i = 0; i < facets.size(); i++) {
      SortedSetDocValues multi = DocValues.getSortedSet(reader, facets.get(i));
      SortedDocValues one = DocValues.unwrapSingleton(multi);
      if (one != null) {
        int[] ords = new int[maxDoc];
        java.util.Arrays.fill(ords, -1);
        for (int doc = one.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = one.nextDoc()) {
          ords[doc] = one.ordValue();
        }
        single[i] = ords;
      } else {
        int[] start = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc * 2)];
        int n = 0;
        int next = 0;
        for (int doc = multi.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = multi.nextDoc()) {
          while (next <= doc) start[next++] = n;
          for (int j = 0, c = multi.docValueCount(); j < c; j++) {
            if (n == ords.length) ords = java.util.Arrays.copyOf(ords, ords.length * 2);
            ords[n++] = (int) multi.nextOrd();
          }
        }
        while (next <= maxDoc) start[next++] = n;
        multiStart[i] = start;
        multiOrds[i] = java.util.Arrays.copyOf(ords, n);
      }
    }

    int[] day = new int[maxDoc];
    java.util.Arrays.fill(day, NO_DAY);
    NumericDocValues time = DocValues.getNumeric(reader, IndexSchema.EVENT_TIME);
    for (int doc = time.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = time.nextDoc()) {
      long d = Math.floorDiv(time.longValue(), 86_400_000L);
      day[doc] = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, d));
    }

    FixedBitSet negative = new FixedBitSet(Math.max(1, maxDoc));
    SortedSetDocValues sentiment = DocValues.getSortedSet(reader, IndexSchema.SENTIMENT);
    long negativeOrd = sentiment.lookupTerm(new BytesRef("negative"));
    if (negativeOrd >= 0) {
      for (int doc = sentiment.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = sentiment.nextDoc()) {
        for (int j = 0, c = sentiment.docValueCount(); j < c; j++) {
          if (sentiment.nextOrd() == negativeOrd) negative.set(doc);
        }
      }
    }

    // pack the small single-valued facets into one combination number per doc
    List<Integer> packed = new java.util.ArrayList<>();
    List<Integer> radix = new java.util.ArrayList<>();
    int size = 1;
    for (int i = 0; i < facets.size(); i++) {
      if (single[i] == null) continue;
      int r = (int) Math.min(Integer.MAX_VALUE, DocValues.getSortedSet(reader, facets.get(i)).getValueCount() + 1);
      if ((long) size * r > MAX_COMBINATIONS) continue;
      size *= r;
      packed.add(i);
      radix.add(r);
    }
    char[] combo = null;
    if (!packed.isEmpty() && maxDoc > 0) {
      combo = new char[maxDoc];
      for (int doc = 0; doc < maxDoc; doc++) {
        int code = 0;
        int stride = 1;
        for (int j = 0; j < packed.size(); j++) {
          code += (single[packed.get(j)][doc] + 1) * stride;
          stride *= radix.get(j);
        }
        combo[doc] = (char) code;
      }
    }

    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int d : day) {
      if (d == NO_DAY) continue;
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    char[] dayNeg = null;
    if (min != Integer.MAX_VALUE && 2L * ((long) max - min + 1) + 1 <= Character.MAX_VALUE) {
      dayNeg = new char[maxDoc];
      for (int doc = 0; doc < maxDoc; doc++) {
        if (day[doc] != NO_DAY) dayNeg[doc] = (char) (1 + 2 * (day[doc] - min) + (negative.get(doc) ? 1 : 0));
      }
    }
    int[] comboFacets = packed.stream().mapToInt(Integer::intValue).toArray();
    for (int f : comboFacets) single[f] = null; // counted through the combination only
    return new Columns(
        single, multiStart, multiOrds, day, negative, combo, comboFacets,
        radix.stream().mapToInt(Integer::intValue).toArray(), size, dayNeg,
        min == Integer.MAX_VALUE ? 0 : min, max);
  }
}
