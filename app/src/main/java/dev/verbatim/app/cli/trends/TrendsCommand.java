package dev.verbatim.app.cli.trends;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.verbatim.app.Workspace;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.trends.FactTable;
import dev.verbatim.trends.IndexTrendSource;
import dev.verbatim.trends.SeriesPoint;
import dev.verbatim.trends.TopicSeries;
import dev.verbatim.trends.Trends;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim trends}: prints one topic's volume and sentiment over event time. */
@Command(
    name = "trends",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print a topic's time series: volume, share of all feedback, negative share (sentiment of the",
      "sentences about the topic), mean sentiment and distinct accounts per day, week (Monday, UTC)",
      "or month. Near-duplicates count once.",
      "",
      "Examples:",
      "  ./verbatim trends --topic t3 --by week",
      "  ./verbatim trends --topic t3 --by month --segment enterprise --json",
    })
public final class TrendsCommand implements Callable<Integer> {
  @Option(names = "--topic", required = true, paramLabel = "ID", description = "topic id")
  String topic;

  @Option(names = "--by", defaultValue = "week", paramLabel = "INTERVAL", description = "day, week or month (default: ${DEFAULT-VALUE})")
  String by = "week";

  @Option(names = "--channel", paramLabel = "NAME", description = "only this channel (ticket, chat, review, survey)")
  @Nullable String channel;

  @Option(names = "--segment", paramLabel = "NAME", description = "only accounts of this segment")
  @Nullable String segment;

  @Option(names = "--since", paramLabel = "DATE", description = "first day (default: the first with feedback)")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "DATE", description = "last day, inclusive (default: the last with feedback)")
  @Nullable String until;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Option(names = "--workspace", defaultValue = Workspace.DEFAULT, description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Override
  public Integer call() throws IOException {
    SearchRequest.Interval interval = SearchRequest.Interval.parse(by);
    Workspace ws = new Workspace(workspace);
    if (!Files.isDirectory(ws.index())) {
      throw new IllegalArgumentException("no index in " + workspace + ": run `verbatim run --input ...` first");
    }
    LocalDate to = date(until, "--until");
    FactTable table;
    try (FeedbackSearch search = FeedbackSearch.open(ws.index())) {
      table = FactTable.build(new IndexTrendSource(search), to,
          f -> (channel == null || channel.equalsIgnoreCase(String.valueOf(f.channel())))
              && (segment == null || segment.equals(f.segment())));
    }
    if (table.records() == 0) throw new IllegalArgumentException("no feedback matches: check --channel, --segment and --until");
    if (!table.topics().contains(topic)) {
      throw new IllegalArgumentException("topic '" + topic + "' is not in the index (under these filters); known: "
          + String.join(", ", table.topics().stream().sorted().limit(30).toList()));
    }
    LocalDate from = date(since, "--since");
    TopicSeries s = Trends.series(table, topic, interval, from == null ? table.firstDay() : from, to == null ? table.lastDay() : to);
    String query = s.query() + (channel == null ? "" : " AND channel:" + channel) + (segment == null ? "" : " AND segment:\"" + segment + "\"");
    if (json) System.out.println(json(s, query));
    else print(System.out, s, query);
    return 0;
  }

  static void print(PrintStream out, TopicSeries s, String query) {
    out.printf(Locale.ROOT, "%-10s %8s %8s %7s %8s %7s %9s %8s%n", "start", "volume", "total", "share", "negative", "neg%", "sentiment", "accounts");
    for (SeriesPoint p : s.points()) {
      out.printf(Locale.ROOT, "%-10s %8d %8d %6.1f%% %8d %6s %9s %8d%n", p.start(), p.volume(), p.total(),
          Double.isNaN(p.share()) ? 0 : 100 * p.share(), p.negative(),
          Double.isNaN(p.negativeShare()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * p.negativeShare()),
          p.meanSentiment() == null ? "-" : String.format(Locale.ROOT, "%.2f", p.meanSentiment()), p.accounts());
    }
    out.println("search: " + query);
  }

  static String json(TopicSeries s, String query) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("topic", s.topic());
      g.writeStringField("interval", s.interval().name().toLowerCase(Locale.ROOT));
      g.writeStringField("query", query);
      g.writeArrayFieldStart("points");
      for (SeriesPoint p : s.points()) dev.verbatim.trends.report.JsonReport.point(g, p, true);
      g.writeEndArray();
      g.writeEndObject();
    }
    return w.toString();
  }

  private static @Nullable LocalDate date(@Nullable String text, String option) {
    if (text == null || text.isBlank()) return null;
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " '" + text + "' is not an ISO date such as 2026-01-31");
    }
  }
}
