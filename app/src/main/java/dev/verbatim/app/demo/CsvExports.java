package dev.verbatim.app.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the CSV files: Google Play console reviews, the NPS survey export, accounts and outcomes.
 * RFC 4180 quoting (multi-line fields quoted), LF line ends, UTF-8; malformed rows as planned.
 */
final class CsvExports {
  private CsvExports() {}

  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  static final String[] REVIEW_HEADER = {
    "Package Name", "App Version Code", "App Version Name", "Reviewer Language", "Device",
    "Review Submit Date and Time", "Review Submit Millis Since Epoch", "Review Last Update Date and Time",
    "Review Last Update Millis Since Epoch", "Star Rating", "Review Title", "Review Text",
    "Developer Reply Date and Time", "Developer Reply Millis Since Epoch", "Developer Reply Text", "Review Link"
  };
  static final String[] SURVEY_HEADER = {
    "response_id", "submitted_at", "survey", "score", "comment", "respondent_email", "account_id"
  };
  private static final List<String> DEVICES = List.of("a52q", "beyond1", "redfin", "oriole", "panther", "dm1q", "OP5913L1", "a15", "x1q", "starlte");
  private static final String[] BAD_REVIEW_DATES = {"2026-02-30T08:00:00Z", "31/13/2026 08:00", "yesterday", "0000-00-00T00:00:00Z"};
  private static final String[] BAD_SURVEY_DATES = {"2026-13-02T12:00:00Z", "last tuesday", "2026/02/30", "N/A"};

  static void reviews(List<Planner.Item> reviews, DemoSettings settings, Writer w) throws IOException {
    try (var p = new CSVPrinter(w, FORMAT)) {
      p.printRecord((Object[]) REVIEW_HEADER);
      for (Planner.Item it : reviews) {
        var rnd = new SplittableRandom(it.textSeed);
        String text = "";
        if (!it.segs.isEmpty()) {
          var ctx = new Slots.Context(Slots.pick(Slots.FIRST_NAMES, rnd), Slots.pick(Slots.AGENTS, rnd), "our company");
          text = it.lang.equals("en")
              ? Voice.customer(it.segs, it.length, Voice.Style.REVIEW, it.pii, ctx, rnd)
              : Voice.foreign(it.segs, it.lang, rnd);
          if (it.length != Voice.Length.SHORT && rnd.nextInt(5) == 0) {
            int cut = text.indexOf(". ");
            if (cut > 0) text = text.substring(0, cut + 1) + "\n" + text.substring(cut + 2);
          }
        }
        int month = (int) java.time.temporal.ChronoUnit.MONTHS.between(
            settings.start().withDayOfMonth(1), it.time.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
        int minor = 10 + month;
        String stars = switch (it.malformed == null ? "" : it.malformed) {
          case "star_rating_0" -> "0";
          case "star_rating_6" -> "6";
          default -> Integer.toString(it.rating);
        };
        String date = ZendeskWriter.iso(it.time);
        String millis = Long.toString(it.time.toEpochMilli());
        if ("bad_date".equals(it.malformed)) {
          date = BAD_REVIEW_DATES[rnd.nextInt(BAD_REVIEW_DATES.length)];
          millis = "";
        }
        List<String> row = new ArrayList<>(16);
        row.add("com.example.money");
        row.add(Integer.toString(400 + minor));
        row.add("4." + minor + ".0");
        row.add(it.lang);
        row.add(Slots.pick(DEVICES, rnd));
        row.add(date);
        row.add(millis);
        row.add(date);
        row.add(millis);
        row.add(stars);
        row.add(rnd.nextInt(20) == 0 && !text.isEmpty() ? shortTitle(it) : "");
        row.add(text);
        if (!text.isEmpty() && rnd.nextInt(4) == 0 && it.malformed == null) {
          Instant reply = it.time.plusSeconds(3600L * (2 + rnd.nextInt(70)));
          String replyText = it.lang.equals("es") ? "Hola, ¿puedes escribirnos a soporte?"
              : it.lang.equals("fr") ? "Bonjour, pouvez-vous contacter notre support ?"
              : it.lang.equals("de") ? "Hallo, bitte schreib unserem Support."
              : Voice.line("_devreply", new Slots.Context("", "", ""), rnd);
          row.add(ZendeskWriter.iso(reply));
          row.add(Long.toString(reply.toEpochMilli()));
          row.add(replyText);
        } else {
          row.add("");
          row.add("");
          row.add("");
        }
        row.add("https://play.google.com/console/developers/app/review-details?reviewId=" + it.id);
        if ("wrong_column_count".equals(it.malformed)) {
          p.printRecord(row.subList(0, 9 + rnd.nextInt(3)));
        } else {
          p.printRecord(row);
        }
      }
    }
  }

  private static String shortTitle(Planner.Item it) {
    return switch (it.sentiment) {
      case "negative" -> "Disappointed";
      case "positive" -> "Great app";
      default -> "Ok";
    };
  }

  static void survey(List<Planner.Item> rows, AccountBook book, Writer w) throws IOException {
    try (var p = new CSVPrinter(w, FORMAT)) {
      p.printRecord((Object[]) SURVEY_HEADER);
      for (Planner.Item it : rows) {
        var rnd = new SplittableRandom(it.textSeed);
        String email;
        String first;
        String company = "our company";
        if (it.account >= 0) {
          AccountBook.Account a = book.accounts.get(it.account);
          AccountBook.Person person = a.people().get(it.person);
          email = person.email();
          first = person.first();
          company = a.name();
        } else {
          first = Slots.pick(Slots.FIRST_NAMES, rnd);
          email = Pii.email(first, Slots.pick(Slots.LAST_NAMES, rnd), null, rnd);
        }
        String comment = it.segs.isEmpty() ? ""
            : Voice.customer(it.segs, it.length, Voice.Style.SURVEY, it.pii, new Slots.Context(first, Slots.pick(Slots.AGENTS, rnd), company), rnd);
        LocalDate d = it.time.atZone(ZoneOffset.UTC).toLocalDate();
        String survey = String.format(Locale.ROOT, "NPS %d-Q%d", d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
        String when = ZendeskWriter.iso(it.time);
        String score = Integer.toString(it.rating);
        if (it.malformed != null) {
          switch (it.malformed) {
            case "nps_score_11" -> score = "11";
            case "score_not_a_number" -> score = rnd.nextBoolean() ? "n/a" : "ten";
            case "bad_date" -> when = BAD_SURVEY_DATES[rnd.nextInt(BAD_SURVEY_DATES.length)];
            default -> {}
          }
        }
        List<String> row = List.of(it.id, when, survey, score, comment, email, it.account >= 0 ? book.accounts.get(it.account).id() : "");
        p.printRecord("wrong_column_count".equals(it.malformed) ? row.subList(0, 4) : row);
      }
    }
  }

  static long accounts(AccountBook book, Writer w) throws IOException {
    try (var p = new CSVPrinter(w, FORMAT)) {
      p.printRecord("account_id", "start_date", "segment", "plan", "arr");
      for (AccountBook.Account a : book.accounts) {
        p.printRecord(a.id(), a.start().toString(), a.segmentName(), a.plan(), Long.toString(a.arr()));
      }
    }
    return book.accounts.size();
  }

  static long outcomes(AccountBook book, Writer w) throws IOException {
    List<AccountBook.Outcome> all = new ArrayList<>();
    for (int i = 0; i < book.accounts.size(); i++) {
      if (book.churn[i] != null) all.add(book.churn[i]);
      if (book.expansion[i] != null) all.add(book.expansion[i]);
      if (book.contraction[i] != null) all.add(book.contraction[i]);
    }
    all.sort(Comparator.comparing(AccountBook.Outcome::date).thenComparingInt(AccountBook.Outcome::account)
        .thenComparing(AccountBook.Outcome::type));
    try (var p = new CSVPrinter(w, FORMAT)) {
      p.printRecord("account_id", "type", "event_date", "arr_change");
      for (AccountBook.Outcome o : all) {
        p.printRecord(book.accounts.get(o.account()).id(), o.type(), o.date().toString(), Long.toString(o.arrChange()));
      }
    }
    return all.size();
  }
}
