package dev.verbatim.validation.learn;

import static java.util.Objects.requireNonNull;

import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.Theme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns reviewers' topic corrections into edits of the analysts' taxonomy (the topic model's {@code
 * topics/taxonomy.json}, applied before every refit): when reviewers say several records belong to
 * topic "Refunds", the words those records share become seed phrases of a "Refunds" theme, new or
 * existing, so the next fit pulls such records there.
 *
 * <p>Rules, deliberately conservative (the file is the analysts'): a corrected topic needs at least
 * {@code minRecords} distinct records before it seeds anything; a phrase (a word or two adjacent
 * words, stop words and redaction placeholders left out) must occur in at least {@code minRecords}
 * of those records; at most {@value #MAX_NEW_SEEDS} new phrases per theme per call, most frequent
 * first; existing themes keep their seeds and parent, renames are untouched. A corrected topic that
 * names an existing theme (ignoring case) extends it. Pure function; deterministic.
 */
public final class TaxonomyFeedback {
  /** New seed phrases added per theme per call, at most. */
  public static final int MAX_NEW_SEEDS = 5;

  private static final Pattern WORD = Pattern.compile("\\[[A-Z_]+\\]|[\\p{L}][\\p{L}'’]*");
  private static final Set<String> STOP = Set.of(
      "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is",
      "are", "was", "were", "be", "been", "am", "it", "its", "it's", "this", "that", "these", "those", "i", "i'm",
      "me", "my", "we", "our", "you", "your", "they", "their", "he", "she", "his", "her", "them", "us", "so", "as",
      "not", "no", "do", "did", "does", "done", "have", "has", "had", "can", "could", "would", "will", "just",
      "get", "got", "there", "here", "what", "when", "why", "how", "all", "any", "some", "about", "again", "still",
      "very", "too", "also", "than", "then", "now", "one", "up", "out", "please", "thanks", "thank", "hi", "hello");

  private TaxonomyFeedback() {}

  /**
   * The taxonomy with the corrections' themes and seed phrases added, and what changed.
   *
   * @param current the analysts' taxonomy
   * @param corrections reviewers' topic corrections ({@link TopicCorrection#collect})
   * @param textById the redacted text of each corrected record
   * @param minRecords distinct records a corrected topic and each of its phrases need (at least 1)
   */
  public static Update apply(Taxonomy current, List<TopicCorrection> corrections, Map<String, String> textById,
      int minRecords) {
    requireNonNull(current, "current");
    if (minRecords < 1) {
      throw new IllegalArgumentException("minRecords must be at least 1, got " + minRecords);
    }
    // corrected topic name -> distinct records, in a stable order
    Map<String, String> displayName = new TreeMap<>();
    Map<String, Set<String>> records = new TreeMap<>();
    for (TopicCorrection c : corrections) {
      String name = c.correctedTopic() == null ? null : c.correctedTopic().strip().replaceAll("\\s+", " ");
      if (name == null || name.isEmpty() || name.length() > 80 || !textById.containsKey(c.recordId())) {
        continue;
      }
      String key = name.toLowerCase(Locale.ROOT);
      displayName.putIfAbsent(key, name);
      records.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c.recordId());
    }
    Map<String, Theme> themes = new LinkedHashMap<>();
    Map<String, String> themeKey = new HashMap<>();
    for (Theme t : current.themes()) {
      themes.put(t.name(), t);
      themeKey.put(t.name().toLowerCase(Locale.ROOT), t.name());
    }
    List<String> changes = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : records.entrySet()) {
      Set<String> ids = e.getValue();
      String shown = displayName.get(e.getKey());
      if (ids.size() < minRecords) {
        changes.add("skipped '" + shown + "': " + ids.size() + " record(s), needs " + minRecords);
        continue;
      }
      String existingName = themeKey.get(e.getKey());
      Theme existing = existingName == null ? null : themes.get(existingName);
      Set<String> have = new HashSet<>();
      if (existing != null) {
        existing.seeds().forEach(s -> have.add(s.toLowerCase(Locale.ROOT)));
      }
      List<String> phrases = phrases(ids.stream().map(textById::get).toList(), minRecords, have);
      if (phrases.isEmpty()) {
        changes.add("skipped '" + shown + "': its " + ids.size() + " records share no phrase");
        continue;
      }
      if (existing == null) {
        themes.put(shown, new Theme(shown, phrases, null));
        themeKey.put(e.getKey(), shown);
        changes.add("new theme '" + shown + "' seeded with " + phrases + " from " + ids.size() + " records");
      } else {
        List<String> seeds = new ArrayList<>(existing.seeds());
        seeds.addAll(phrases);
        themes.put(existing.name(), new Theme(existing.name(), seeds, existing.parent()));
        changes.add("theme '" + existing.name() + "' gains seeds " + phrases + " from " + ids.size() + " records");
      }
    }
    return new Update(new Taxonomy(new ArrayList<>(themes.values()), current.renames()), changes);
  }

  /**
   * The phrases (words and two-word runs) found in at least {@code minRecords} of the texts, not
   * already in {@code have}, most records first then alphabetically; a word is dropped when a
   * two-word phrase containing it has the same support (whether new or already a seed).
   */
  static List<String> phrases(List<String> texts, int minRecords, Set<String> have) {
    Map<String, Integer> support = new HashMap<>();
    for (String t : texts) {
      List<String> words = new ArrayList<>();
      Matcher m = WORD.matcher(t.length() > 20_000 ? t.substring(0, 20_000) : t);
      while (m.find()) {
        String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
        words.add(w.startsWith("[") || STOP.contains(w) || w.length() < 3 ? "" : w);
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        if (w.isEmpty()) {
          continue;
        }
        seen.add(w);
        if (i + 1 < words.size() && !words.get(i + 1).isEmpty()) {
          seen.add(w + " " + words.get(i + 1));
        }
      }
      seen.forEach(p -> support.merge(p, 1, Integer::sum));
    }
    List<String> kept = new ArrayList<>();
    support.entrySet().stream()
        .filter(e -> e.getValue() >= minRecords)
        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> kept.add(e.getKey()));
    List<String> out = new ArrayList<>();
    for (String p : kept) {
      boolean covered = !p.contains(" ") && kept.stream().anyMatch(q -> q.contains(" ")
          && (q.startsWith(p + " ") || q.endsWith(" " + p)) && support.get(q).equals(support.get(p)));
      if (!covered && !have.contains(p)) {
        out.add(p);
      }
      if (out.size() == MAX_NEW_SEEDS) {
        break;
      }
    }
    return out;
  }

  /**
   * The taxonomy after the corrections, and one line per theme on what changed or why not.
   *
   * @param taxonomy the new taxonomy (save it with the topic model's {@code TaxonomyStore})
   * @param changes what changed, for the command's output
   */
  public record Update(Taxonomy taxonomy, List<String> changes) {
    public Update {
      requireNonNull(taxonomy, "taxonomy");
      changes = List.copyOf(changes);
    }
  }
}
