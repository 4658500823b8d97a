package dev.verbatim.app.cli.topics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.app.Workspace;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.Hit;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verbatim topics show}: what each topic is about, how big it is, how customers feel about it. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "List the topics (or one): label, parent theme, top terms, volume in the index, share of",
      "records whose sentences about it are negative, a monthly trend, and representative redacted",
      "verbatims.",
      "",
      "Examples:",
      "  ./verbatim topics show",
      "  ./verbatim topics show t3 --verbatims 5",
      "  ./verbatim topics show --json"
    })
final class ShowCommand implements Callable<Integer> {
  private static final String BARS = "▁▂▃▄▅▆▇█";

  @Mixin TopicsCommand.WorkspaceOption ws;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "one topic id, e.g. t3 (default: all)")
  String id;

  @Option(names = "--verbatims", defaultValue = "3", paramLabel = "N",
      description = "representative verbatims per topic, 0-5 (default: ${DEFAULT-VALUE}; 5 for one topic)")
  int verbatims = 3;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  /** Volume, negative count and monthly counts of one topic, from the index. */
  private static final class Stats {
    long volume;
    long negative;
    final TreeMap<YearMonth, Long> months = new TreeMap<>();
  }

  @Override
  public Integer call() throws IOException {
    Workspace w = ws.workspace();
    TopicWorkspace topicsSpace = new TopicWorkspace(w);
    TopicWorkspace.Current current = topicsSpace.current().orElseThrow(() -> new IllegalArgumentException(
        "the workspace " + w.root() + " has no topic model yet; run `verbatim run` (which fits one) or `verbatim topics fit`"));
    Taxonomy taxonomy = topicsSpace.taxonomyStore().load();
    List<Topic> topics = current.tagger().model().topics();
    if (id != null) {
      topics = topics.stream().filter(t -> t.id().value().equals(id)).toList();
      if (topics.isEmpty()) {
        throw new IllegalArgumentException("no topic " + id + "; the model has " + current.tagger().model().topics()
            .stream().map(t -> t.id().value()).toList());
      }
      if (!cmd.commandLine().getParseResult().hasMatchedOption("--verbatims")) verbatims = 5;
    }
    int n = Math.max(0, Math.min(5, verbatims));
    Map<String, Stats> stats = new HashMap<>();
    TreeMap<YearMonth, Long> allMonths = new TreeMap<>();
    boolean indexed = Files.isDirectory(w.index());
    List<Map<String, Object>> out = new ArrayList<>();
    FeedbackSearch search = indexed ? FeedbackSearch.open(w.index()) : null;
    try {
      if (search != null) {
        search.scan(SearchRequest.of("", 1), false, f -> {
          YearMonth m = f.eventTime() == null ? null : YearMonth.from(f.eventTime().atZone(ZoneOffset.UTC));
          if (m != null) allMonths.merge(m, 1L, Long::sum);
          for (String t : f.topics()) {
            Stats s = stats.computeIfAbsent(t, z -> new Stats());
            s.volume++;
            if (f.negativeTopics().contains(t)) s.negative++;
            if (m != null) s.months.merge(m, 1L, Long::sum);
          }
        });
      }
      for (Topic t : topics) {
        Stats s = stats.getOrDefault(t.id().value(), new Stats());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", t.id().value());
        o.put("label", t.label());
        o.put("parent", taxonomy.parentOf(t.label()));
        o.put("top_terms", t.topTerms());
        o.put("volume", s.volume);
        o.put("negative_share", s.volume == 0 ? null : Math.round(1000.0 * s.negative / s.volume) / 1000.0);
        List<Long> trend = new ArrayList<>();
        for (YearMonth m : allMonths.keySet()) trend.add(s.months.getOrDefault(m, 0L));
        o.put("trend_months", allMonths.isEmpty() ? null : allMonths.firstKey() + ".." + allMonths.lastKey());
        o.put("trend", trend);
        o.put("verbatims", search == null ? List.of() : verbatims(search, t, n));
        out.add(o);
      }
    } finally {
      if (search != null) search.close();
    }
    if (json) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("model_version", current.version());
      root.put("method", current.method());
      root.put("topics", out);
      root.put("orphaned_edits", topicsSpace.orphanedEdits());
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
      return TopicsCommand.OK;
    }
    System.out.printf(Locale.ROOT, "model %d (%s), %d topics%n", current.version(), current.method(),
        current.tagger().model().topics().size());
    for (Map<String, Object> o : out) {
      Object share = o.get("negative_share");
      System.out.printf(Locale.ROOT, "%n%-5s %s%s%n", o.get("id"), Printing.safe((String) o.get("label"), 80),
          o.get("parent") == null ? "" : "   (under " + Printing.safe((String) o.get("parent"), 60) + ")");
      System.out.printf(Locale.ROOT, "      %,d records, %s negative   %s%n", (Long) o.get("volume"),
          share == null ? "-" : Math.round(100 * ((Number) share).doubleValue()) + "%", spark(castLongs(o.get("trend"))));
      System.out.println("      terms: " + Printing.safe(String.join(", ", castStrings(o.get("top_terms"))), 160));
      for (Object v : (List<?>) o.get("verbatims")) {
        System.out.println("      > " + ((Map<?, ?>) v).get("text"));
      }
    }
    List<Map<String, Object>> lost = topicsSpace.orphanedEdits();
    if (!lost.isEmpty()) {
      System.out.printf(Locale.ROOT, "%nWARNING: the refit of model %d left %d edit(s) of the taxonomy without their"
          + " topic (kept in taxonomy.json; see topics/refit-%06d.json):%n", current.version(), lost.size(),
          current.version());
      for (Map<String, Object> e : lost) {
        System.out.println("  - " + Printing.safe(String.valueOf(e.get("what_happened")), 200));
        System.out.println("    to do: " + Printing.safe(String.valueOf(e.get("what_to_do")), 300));
      }
    }
    return TopicsCommand.OK;
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec cmd;

  /** The topic's representative records (nearest its centre in the fit), then its other records, redacted and made safe. */
  private static List<Map<String, String>> verbatims(FeedbackSearch search, Topic t, int n) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String key : t.representativeIds()) {
      if (out.size() >= n) break;
      int slash = key.indexOf('/');
      if (slash < 0) continue;
      String q = "id:\"" + key.substring(slash + 1).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      for (Hit h : search.search(SearchRequest.builder(q).filter("source", key.substring(0, slash)).limit(1).build()).hits()) {
        if (seen.add(h.key())) out.add(Map.of("key", h.key(), "text", Printing.safe(h.text(), 200)));
      }
    }
    if (out.size() < n) {
      for (Hit h : search.search(SearchRequest.builder("topic:" + t.id().value()).limit(n * 2).build()).hits()) {
        if (out.size() >= n) break;
        if (seen.add(h.key())) out.add(Map.of("key", h.key(), "text", Printing.safe(h.text(), 200)));
      }
    }
    return out;
  }

  private static String spark(List<Long> xs) {
    long max = 0;
    for (long x : xs) max = Math.max(max, x);
    if (max == 0) return "";
    StringBuilder sb = new StringBuilder();
    for (long x : xs) sb.append(x == 0 ? ' ' : BARS.charAt((int) Math.min(BARS.length() - 1, (x * BARS.length() - 1) / max)));
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Long> castLongs(Object o) {
    return (List<Long>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<String> castStrings(Object o) {
    return (List<String>) o;
  }
}
