package dev.verbatim.trends.stats;

/**
 * A 2x2 table of accounts: exposed (raised the topic) or not, against had the outcome or not.
 *
 * @param a exposed with the outcome
 * @param b exposed without the outcome
 * @param c unexposed with the outcome
 * @param d unexposed without the outcome
 */
public record TwoByTwo(long a, long b, long c, long d) {
  public TwoByTwo {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException("2x2 counts must be >= 0: " + a + " " + b + " " + c + " " + d);
    }
  }

  /** Exposed accounts, {@code a + b}. */
  public long exposed() {
    return a + b;
  }

  /** Unexposed accounts, {@code c + d}. */
  public long unexposed() {
    return c + d;
  }

  /** All accounts. */
  public long total() {
    return a + b + c + d;
  }

  /** Outcome rate among the exposed, {@code a / (a + b)}; NaN when none is exposed. */
  public double exposedRate() {
    return exposed() == 0 ? Double.NaN : (double) a / exposed();
  }

  /** Outcome rate among the unexposed, {@code c / (c + d)}; NaN when all are exposed. */
  public double unexposedRate() {
    return unexposed() == 0 ? Double.NaN : (double) c / unexposed();
  }

  /** The sum of two tables, cell by cell (collapsing strata). */
  public TwoByTwo plus(TwoByTwo o) {
    return new TwoByTwo(a + o.a, b + o.b, c + o.c, d + o.d);
  }
}
