package dev.verbatim.app.cli;

import dev.verbatim.app.Workspace;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.HistogramBucket;
import dev.verbatim.index.Hit;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.index.SearchResult;
import dev.verbatim.topics.embed.OnnxSentenceEncoder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code verbatim search}: finds records in the workspace's index, with filters, facet counts and a
 * time histogram. Prints a terminal-safe listing (customer text stripped of control characters,
 * matches highlighted) or, with {@code --json}, the {@link SearchResult} as JSON.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Search the redacted feedback of a workspace.",
      "",
      "The query uses Lucene syntax over the customer text: words (all must match), \"phrases\",",
      "OR, NOT, wildcards (refund*), field:value (channel, source, account, segment, plan,",
      "language, sentiment, topic, subject, exact) and ranges (event_time:[2026-03-01 TO 2026-03-31],",
      "rating:[0 TO 6]). Filter options take several values (--channel ticket,chat): any may match.",
      "Dates are ISO (2026-03-01, a whole day in UTC) or instants (2026-03-01T10:15:00Z).",
      "",
      "Examples:",
      "  ./verbatim search \"double charge\" --channel ticket --sentiment negative --since 2026-03-01 \\",
      "      --facets --histogram week",
      "  ./verbatim search '\"charged twice\" AND refund*' --sort time --limit 5",
      "  ./verbatim search --like zendesk/T-1042 --json",
      "",
      "Semantic search (index embedded by './verbatim run --embed' or './verbatim embed'): --semantic TEXT finds records",
      "nearest in meaning, --like SOURCE/ID records nearest that one; filters apply to the nearest",
      "neighbours; a query beside --semantic fuses word and meaning rankings. Total, facets and",
      "histogram count records at or above --min-similarity (cosine).",
      "  ./verbatim search --semantic \"can't link my bank\" --channel ticket --facets",
      "  ./verbatim search refund --semantic \"money back for a double payment\"",
      "  ./verbatim search --like zendesk/T-1042 --since 2026-03-01"
    })
final class SearchCommand implements Callable<Integer> {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int BAR_WIDTH = 40;
  private static final int SNIPPET_CHARS = 240;

  @Parameters(index = "0", arity = "0..1", defaultValue = "", description = "the query; empty matches everything")
  String query = "";

  @Option(names = "--channel", split = ",", paramLabel = "NAME", description = "ticket, chat, review or survey")
  List<String> channels = new ArrayList<>();

  @Option(names = "--sentiment", split = ",", paramLabel = "LABEL", description = "negative, neutral or positive")
  List<String> sentiments = new ArrayList<>();

  @Option(names = "--topic", split = ",", paramLabel = "ID", description = "topic id")
  List<String> topics = new ArrayList<>();

  @Option(names = "--account", split = ",", paramLabel = "ID", description = "account id")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--segment", split = ",", paramLabel = "NAME", description = "account segment, e.g. enterprise")
  List<String> segments = new ArrayList<>();

  @Option(names = "--plan", split = ",", paramLabel = "NAME", description = "account plan, e.g. pro")
  List<String> plans = new ArrayList<>();

  @Option(names = "--language", split = ",", paramLabel = "TAG", description = "language, e.g. en")
  List<String> languages = new ArrayList<>();

  @Option(names = "--source", split = ",", paramLabel = "NAME", description = "source, e.g. zendesk")
  List<String> sources = new ArrayList<>();

  @Option(names = "--since", paramLabel = "DATE", description = "written on or after (ISO date or instant; UTC unless an offset is given)")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "DATE", description = "written up to: a date includes its whole day; an instant is exclusive")
  @Nullable String until;

  @Option(names = "--rating-min", paramLabel = "N", description = "rating at least N")
  @Nullable Double ratingMin;

  @Option(names = "--rating-max", paramLabel = "N", description = "rating at most N")
  @Nullable Double ratingMax;

  @Option(names = "--like", paramLabel = "SOURCE/ID",
      description = "find records like this one: nearest in meaning if the index has embeddings, else by shared words")
  @Nullable String like;

  @Option(names = "--semantic", paramLabel = "TEXT",
      description = "find records nearest in meaning to TEXT (needs an index embedded by run --embed or embed)")
  @Nullable String semantic;

  @Option(names = "--min-similarity", paramLabel = "COSINE",
      description = "semantic search: count records at or above this cosine in total, facets and histogram"
          + " (default: 0.5 for minilm, 0.7 for bge-small)")
  @Nullable Double minSimilarity;

  @Option(names = "--sort", defaultValue = "relevance", paramLabel = "ORDER", description = "relevance, time (newest first) or time-asc (default: ${DEFAULT-VALUE})")
  String sort = "relevance";

  @Option(names = "--limit", defaultValue = "10", description = "hits to show (default: ${DEFAULT-VALUE})")
  int limit = 10;

  @Option(names = "--offset", defaultValue = "0", description = "hits to skip, for paging (default: ${DEFAULT-VALUE})")
  int offset = 0;

  @Option(names = "--facets", description = "count records per channel, sentiment, topic, segment, language and source")
  boolean facets;

  @Option(names = "--histogram", paramLabel = "INTERVAL", description = "records per day, week (from Monday) or month, in UTC")
  @Nullable String histogram;

  @Option(names = "--no-highlight", description = "do not highlight matches")
  boolean noHighlight;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  @Option(names = "--workspace", defaultValue = Workspace.DEFAULT, description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Override
  public Integer call() throws IOException {
    Workspace ws = new Workspace(workspace);
    SearchResult result;
    SearchRequest request;
    String model = semantic == null ? null : vectorModel(ws);
    try (OnnxSentenceEncoder encoder =
            model == null ? null : new OnnxSentenceEncoder(OnnxSentenceEncoder.Model.parse(model), 1);
        FeedbackSearch search = FeedbackSearch.open(ws.index(), encoder)) {
      // --like is semantic when the index has embeddings, word-based (MoreLikeThis) otherwise
      request = request(like != null && search.vectorCount() > 0);
      result = search.search(request);
    }
    if (json) {
      System.out.println(Json.write(result, false));
    } else {
      print(System.out, request, result, System.console() != null && System.getenv("NO_COLOR") == null);
    }
    return ExitCodes.OK;
  }

  /** The encoder id the workspace's index was embedded with; a clear error if none. */
  private static String vectorModel(Workspace ws) throws IOException {
    try (FeedbackSearch search = FeedbackSearch.open(ws.index())) {
      String model = search.vectorModel();
      if (model == null) {
        throw new IllegalArgumentException(
            "the index in " + ws.index() + " holds no embeddings, so it cannot search by meaning:"
                + " run './verbatim embed --workspace " + ws.root() + "' to embed the records it has (later"
                + " runs then keep embedding), or search by words");
      }
      return model;
    }
  }

  private SearchRequest request(boolean likeBySemantics) {
    SearchRequest.Builder b =
        SearchRequest.builder(query)
            .filter("channel", channels)
            .filter("sentiment", sentiments)
            .filter("topic", topics)
            .filter("account", accounts)
            .filter("segment", segments)
            .filter("plan", plans)
            .filter("language", languages)
            .filter("source", sources)
            .rating(ratingMin, ratingMax)
            .sort(sort)
            .offset(offset)
            .limit(limit)
            .facets(facets)
            .highlight(!noHighlight)
            .moreLikeThis(likeBySemantics ? null : like)
            .similarTo(likeBySemantics ? like : null)
            .semantic(semantic)
            .minSimilarity(minSimilarity);
    if (since != null) b.since(since);
    if (until != null) b.until(until);
    if (histogram != null) b.histogram(SearchRequest.Interval.parse(histogram));
    return b.build();
  }

  static void print(PrintStream out, SearchRequest request, SearchResult result, boolean ansi) {
    out.printf(Locale.ROOT, "%,d records %s%s%n%n", result.total(),
        request.isSemantic() ? "near in meaning (nearest first)" : "match",
        result.hits().isEmpty() || result.total() <= result.hits().size() && request.offset() == 0
            ? ""
            : String.format(Locale.ROOT, "; showing %,d-%,d", request.offset() + 1,
                request.offset() + result.hits().size()));
    for (Hit h : result.hits()) {
      StringBuilder line = new StringBuilder();
      line.append(DAY.format(h.eventTime())).append("  ")
          .append(String.format(Locale.ROOT, "%-6s ", h.channel()))
          .append(safe(h.source())).append('/').append(safe(h.id()));
      if (h.accountId() != null) line.append("  account ").append(safe(h.accountId()));
      if (h.sentiment() != null) {
        line.append("  ").append(h.sentiment());
        if (h.sentimentScore() != null) line.append(String.format(Locale.ROOT, " %+.2f", h.sentimentScore()));
      }
      if (!h.topics().isEmpty()) line.append("  topics ").append(safe(String.join(", ", h.topics())));
      if (request.isSemantic() && request.query().isBlank() && h.score() != null) {
        line.append(String.format(Locale.ROOT, "  similarity %.2f", h.score()));
      }
      out.println(line);
      if (h.subject() != null && !h.subject().isBlank()) {
        out.println("  " + Terminal.snippet(h.subject(), 120));
      }
      out.println("  " + (h.highlight() != null ? highlight(h.highlight(), ansi) : Terminal.snippet(h.text(), SNIPPET_CHARS)));
      out.println();
    }
    if (!result.facets().isEmpty()) {
      out.println("Facets");
      for (Map.Entry<String, Map<String, Long>> f : result.facets().entrySet()) {
        List<String> parts = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, Long> v : f.getValue().entrySet()) {
          if (shown++ == 12) {
            parts.add(String.format(Locale.ROOT, "(+%d more)", f.getValue().size() - 12));
            break;
          }
          parts.add(String.format(Locale.ROOT, "%s %,d", Terminal.snippet(v.getKey(), 40), v.getValue()));
        }
        out.printf(Locale.ROOT, "  %-10s %s%n", f.getKey(), parts.isEmpty() ? "-" : String.join(" · ", parts));
      }
      out.println();
    }
    if (!result.histogram().isEmpty()) {
      out.printf(Locale.ROOT, "Records per %s (UTC)%n",
          request.histogram() == null ? "bucket" : request.histogram().name().toLowerCase(Locale.ROOT));
      long max = result.histogram().stream().mapToLong(HistogramBucket::count).max().orElse(1);
      for (HistogramBucket b : result.histogram()) {
        int width = max == 0 ? 0 : (int) Math.round((double) b.count() * BAR_WIDTH / max);
        if (width == 0 && b.count() > 0) width = 1;
        out.printf(Locale.ROOT, "  %s  %-" + BAR_WIDTH + "s %,7d  %3.0f%% negative%n",
            b.start(), "█".repeat(width), b.count(), 100 * b.negativeShare());
      }
    }
  }

  /**
   * Renders a highlight ({@link Hit#highlight()}: HTML-escaped text with {@code <mark>} tags) for
   * a terminal: pieces unescaped and stripped of control characters, matches in bold reverse video
   * (or between « » when the output is not a terminal).
   */
  static String highlight(String html, boolean ansi) {
    String on = ansi ? "\u001b[1;7m" : "«";
    String off = ansi ? "\u001b[0m" : "»";
    StringBuilder sb = new StringBuilder();
    int i = 0;
    boolean inMark = false;
    while (i < html.length()) {
      String tag = inMark ? "</mark>" : "<mark>";
      int next = html.indexOf(tag, i);
      String piece = html.substring(i, next < 0 ? html.length() : next);
      sb.append(safe(unescape(piece)));
      if (next < 0) break;
      sb.append(inMark ? off : on);
      inMark = !inMark;
      i = next + tag.length();
    }
    if (inMark) sb.append(off);
    return sb.toString().strip();
  }

  /** Customer text on one line: whitespace runs become one space, control and format chars go. */
  static String safe(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        if (!space) sb.append(' ');
        space = true;
      } else if (Character.getType(c) != Character.FORMAT || c == '\u200d') {
        sb.append(c);
        space = false;
      }
    }
    return sb.toString();
  }

  /** Undoes the highlighter's HTML escaping: named {@code amp lt gt quot apos} and numeric refs. */
  static String unescape(String s) {
    if (s.indexOf('&') < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i) : -1;
      if (semi > i && semi - i <= 10) {
        String name = s.substring(i + 1, semi);
        int cp = switch (name) {
          case "amp" -> '&';
          case "lt" -> '<';
          case "gt" -> '>';
          case "quot" -> '"';
          case "apos" -> '\'';
          default -> numeric(name);
        };
        if (cp >= 0) {
          sb.appendCodePoint(cp);
          i = semi + 1;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  private static int numeric(String name) {
    try {
      int cp = -1;
      if (name.startsWith("#x") || name.startsWith("#X")) cp = Integer.parseInt(name.substring(2), 16);
      else if (name.startsWith("#")) cp = Integer.parseInt(name.substring(1));
      return Character.isValidCodePoint(cp) ? cp : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
