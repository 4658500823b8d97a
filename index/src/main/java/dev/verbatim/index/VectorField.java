package dev.verbatim.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.VectorUtil;
import org.jspecify.annotations.Nullable;

/**
 * The {@link IndexSchema#VECTOR} field: a record's sentence embedding in Lucene's HNSW vector
 * format, compared by dot product of unit vectors (= cosine similarity, without recomputing norms
 * at query time).
 *
 * <p>Which model made the vectors is kept in the commit's user data under {@link #MODEL_KEY}
 * (written by {@link FeedbackIndexer#vectorModel}), so a search encodes its text with the same model
 * and a later run cannot mix models in one index.
 *
 * <p>Rebuilding a document from stored fields (e.g. to re-tag topics): the vector is not a stored
 * field; read it with {@link #read(LeafReader, int)} (or {@link FeedbackSearch#vector(String)}) and
 * pass it to {@link IndexRecord#withVector}, or the rebuilt record loses its embedding.
 */
public final class VectorField {
  /** Commit user-data key naming the encoder that made the index's vectors. */
  public static final String MODEL_KEY = "vector_model";

  /** Dot product on unit vectors: the cosine, and the cheapest comparison. */
  static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

  /** Longest dimension accepted (Lucene's default limit). */
  static final int MAX_DIMENSION = 1024;

  private VectorField() {}

  /** The Lucene field for a unit vector. */
  static KnnFloatVectorField field(float[] unit) {
    return new KnnFloatVectorField(IndexSchema.VECTOR, unit, SIMILARITY);
  }

  /**
   * A unit-length copy of {@code v}.
   *
   * @throws IllegalArgumentException if it is empty, too long, all zeros or not finite
   */
  static float[] checked(float[] v) {
    if (v.length == 0 || v.length > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "an embedding must have 1 to " + MAX_DIMENSION + " dimensions, not " + v.length);
    }
    double sum = 0;
    for (float x : v) {
      if (!Float.isFinite(x)) throw new IllegalArgumentException("an embedding holds NaN or infinity");
      sum += (double) x * x;
    }
    if (sum == 0) throw new IllegalArgumentException("an embedding is all zeros");
    return VectorUtil.l2normalize(v.clone());
  }

  /** Cosine similarity from a Lucene score of {@link #SIMILARITY} ({@code (1 + cos) / 2}). */
  static float cosine(float luceneScore) {
    return 2 * luceneScore - 1;
  }

  /** The Lucene score threshold of {@link #SIMILARITY} for a cosine threshold. */
  static float score(double cosine) {
    return (float) ((1 + cosine) / 2);
  }

  /** The encoder id the index's vectors came from, or {@code null} if it has none. */
  static @Nullable String model(DirectoryReader reader) throws IOException {
    Map<String, String> data = reader.getIndexCommit().getUserData();
    return data.get(MODEL_KEY);
  }

  /** How many live documents of {@code reader} carry a vector (a re-indexed record's old copy does not count). */
  static long count(DirectoryReader reader) throws IOException {
    long n = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
      if (values == null) continue;
      org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
      if (live == null) {
        n += values.size();
        continue;
      }
      var it = values.iterator();
      for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live.get(doc)) n++;
      }
    }
    return n;
  }

  /** The vector length in {@code reader}, or 0 if no segment has vectors. */
  static int dimension(DirectoryReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      FieldInfo fi = leaf.reader().getFieldInfos().fieldInfo(IndexSchema.VECTOR);
      if (fi != null && fi.getVectorDimension() > 0) return fi.getVectorDimension();
    }
    return 0;
  }

  /**
   * The unit vector of {@code doc} in {@code reader} (a segment), or {@code null} if it has none.
   * For rebuilding a document from stored fields without losing its embedding.
   */
  public static float @Nullable [] read(LeafReader reader, int doc) throws IOException {
    FloatVectorValues values = reader.getFloatVectorValues(IndexSchema.VECTOR);
    if (values == null) return null;
    KnnVectorValues.DocIndexIterator it = values.iterator();
    if (it.advance(doc) != doc) return null;
    return values.vectorValue(it.index()).clone();
  }
}
