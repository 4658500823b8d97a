package dev.verbatim.pipeline.redact;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keeps the redaction figures from regressing below the aims of issue 4; prints them. */
class RedactionEvalTest {

  @Test
  void meetsTheAims() {
    RedactionEval.Result r = RedactionEval.evaluate(new PiiRedactor());
    String report = RedactionEval.report(r, true);
    System.out.print(report);
    for (PiiType t : new PiiType[] {PiiType.EMAIL, PiiType.CARD, PiiType.IBAN, PiiType.SSN, PiiType.PHONE}) {
      assertTrue(r.recallOf(t) >= 0.99, t + " recall below 0.99\n" + report);
    }
    assertTrue(r.recallOf(PiiType.PERSON) >= 0.90, "PERSON recall below 0.90\n" + report);
    assertTrue(r.falseMasksPerThousand() <= 1.0, "more than 1 false mask per 1,000 tokens\n" + report);
  }
}
