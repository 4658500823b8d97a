package dev.verbatim.topics.embed;

/** Small float-vector helpers; unrolled loops so the JIT keeps several accumulators busy. */
public final class Vectors {
  private Vectors() {}

  /** Returns the dot product of {@code a[ao..ao+d)} and {@code b[bo..bo+d)}. */
  public static float dot(float[] a, int ao, float[] b, int bo, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 3 < d; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    for (; i < d; i++) s0 += a[ao + i] * b[bo + i];
    return (s0 + s1) + (s2 + s3);
  }

  /** Scales {@code v[o..o+d)} to unit length in place; leaves a zero vector as it is. */
  public static void normalize(float[] v, int o, int d) {
    double s = 0;
    for (int i = 0; i < d; i++) s += (double) v[o + i] * v[o + i];
    if (s <= 0) return;
    float inv = (float) (1.0 / Math.sqrt(s));
    for (int i = 0; i < d; i++) v[o + i] *= inv;
  }

  /**
   * Rounds every component to 1e-5 after normalising, so results that differ only in the last bits
   * (e.g. ONNX kernels picking another summation order) compare equal.
   */
  public static float[] canonical(float[] v) {
    float[] out = v.clone();
    normalize(out, 0, out.length);
    for (int i = 0; i < out.length; i++) out[i] = Math.round(out[i] * 1e5f) / 1e5f;
    return out;
  }
}
