package dev.verbatim.app.demo;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Word lists and the {@link Template.SlotFiller} that fills {@code $slots} in phrase templates:
 * banks, amounts, months, devices, people and company names. Stateless apart from the per-message
 * {@link Context}; thread-safe.
 */
final class Slots {
  private Slots() {}

  static final List<String> FIRST_NAMES =
      List.of(
          "Dana", "Jo", "Maria", "James", "Priya", "Lucas", "Aisha", "Tom", "Mei", "Carlos",
          "Sofia", "Ahmed", "Emma", "Noah", "Olivia", "Liam", "Fatima", "Kenji", "Chloe", "Mateo",
          "Hannah", "Ravi", "Grace", "Ivan", "Zoe", "Daniel", "Amara", "Felix", "Laura", "Omar",
          "Nina", "Jonas", "Elif", "Marco", "Sara", "Kwame", "Julia", "Pedro", "Anna", "Yusuf",
          "Claire", "Ben", "Ines", "Tariq", "Lena", "Diego", "Hugo", "Mia", "Arjun", "Rosa");
  static final List<String> LAST_NAMES =
      List.of(
          "Whitfield", "Park", "Gonzalez", "Smith", "Patel", "Martin", "Khan", "Becker", "Chen",
          "Rossi", "Dubois", "Nguyen", "Johnson", "Garcia", "Müller", "Tanaka", "Okafor", "Silva",
          "Novak", "Brown", "Kowalski", "Haddad", "Schmidt", "Lopez", "Andersson", "O'Brien",
          "Fischer", "Moreau", "Yilmaz", "Costa", "Ivanova", "Murphy", "Sato", "Mensah", "Walker",
          "Bianchi", "Jansen", "Reyes", "Wright", "Lefebvre");
  static final List<String> AGENTS = List.of("Sam", "Priya", "Lucas", "Aisha", "Tom", "Mei", "Jonas", "Rita");
  static final List<String> COMPANY_A =
      List.of(
          "Acme", "Northwind", "Bluefin", "Globex", "Initech", "Umbrella", "Stark", "Wayne",
          "Hooli", "Vandelay", "Pied Piper", "Soylent", "Cyberdyne", "Gringotts", "Oceanic",
          "Tyrell", "Wonka", "Sterling", "Aperture", "Massive", "Nimbus", "Redwood", "Silverline",
          "Harbor", "Maple", "Summit", "Evergreen", "Copper", "Lighthouse", "Falcon");
  static final List<String> COMPANY_B =
      List.of(
          "Logistics", "Analytics", "Bakery", "Studio", "Dental", "Legal", "Consulting", "Labs",
          "Foods", "Travel", "Construction", "Design", "Health", "Media", "Motors", "Ventures",
          "Retail", "Coffee", "Fitness", "Architects");
  static final List<String> BANKS =
      List.of(
          "Chase", "Wells Fargo", "Barclays", "HSBC", "Santander", "ING", "Revolut", "Monzo",
          "BNP Paribas", "Capital One", "Citi", "TD", "Sparkasse", "N26", "Lloyds", "Rabobank");
  static final List<String> DEVICES =
      List.of("Pixel 7", "Galaxy S23", "iPhone 13", "iPhone 15", "Redmi Note 12", "iPad Air", "Galaxy A52", "OnePlus 11");
  static final List<String> OSES = List.of("Android 14", "Android 13", "iOS 17", "iOS 18", "iPadOS 17");
  static final List<String> MONTHS =
      List.of(
          "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December");
  static final List<String> PLANS = List.of("Basic", "Pro", "Business", "Enterprise");
  static final List<String> COMPETITORS = List.of("QuickBooks", "Xero", "FreshBooks", "Wave", "Zoho Books");

  /** What a message knows about its people; {@code first} is the customer's first name. */
  record Context(String first, String agent, String company) {}

  /** A filler for one message. */
  static Template.SlotFiller filler(Context ctx) {
    return (slot, rnd, out) -> fill(slot, ctx, rnd, out);
  }

  static String pick(List<String> xs, SplittableRandom rnd) {
    return xs.get(rnd.nextInt(xs.size()));
  }

  private static void fill(String slot, Context ctx, SplittableRandom rnd, StringBuilder out) {
    switch (slot) {
      case "bank" -> out.append(pick(BANKS, rnd));
      case "amount" -> amount(rnd, out);
      case "month" -> out.append(pick(MONTHS, rnd));
      case "date" -> date(rnd, out);
      case "n" -> out.append(2 + rnd.nextInt(8));
      case "plan" -> out.append(pick(PLANS, rnd));
      case "invoice" -> out.append(String.format(Locale.ROOT, "%s%05d", rnd.nextBoolean() ? "INV-" : "#", 10000 + rnd.nextInt(90000)));
      case "incident" -> out.append(100 + rnd.nextInt(400));
      case "device" -> out.append(pick(DEVICES, rnd));
      case "os" -> out.append(pick(OSES, rnd));
      case "version" -> out.append("4.").append(10 + rnd.nextInt(12)).append('.').append(rnd.nextInt(3));
      case "agent" -> out.append(ctx.agent());
      case "first" -> out.append(ctx.first());
      case "company" -> out.append(ctx.company());
      case "competitor" -> out.append(pick(COMPETITORS, rnd));
      case "year" -> out.append("2026");
      default -> throw new IllegalArgumentException("unknown slot $" + slot);
    }
  }

  private static void amount(SplittableRandom rnd, StringBuilder out) {
    int kind = rnd.nextInt(10);
    String cur = kind < 6 ? "$" : kind < 8 ? "€" : "£";
    int whole = switch (rnd.nextInt(4)) {
      case 0 -> 9 + rnd.nextInt(40);
      case 1 -> 29 + rnd.nextInt(70);
      case 2 -> 99 + rnd.nextInt(400);
      default -> 1000 + rnd.nextInt(9000);
    };
    out.append(cur);
    if (whole >= 1000) {
      out.append(whole / 1000).append(',').append(String.format(Locale.ROOT, "%03d", whole % 1000));
    } else {
      out.append(whole);
    }
    if (rnd.nextInt(3) == 0) out.append(rnd.nextBoolean() ? ".00" : ".99");
  }

  private static void date(SplittableRandom rnd, StringBuilder out) {
    int d = 1 + rnd.nextInt(28);
    switch (rnd.nextInt(3)) {
      case 0 -> out.append(pick(MONTHS, rnd)).append(' ').append(d);
      case 1 -> out.append(1 + rnd.nextInt(12)).append('/').append(d);
      default -> out.append("the ").append(d).append(ordinal(d));
    }
  }

  private static String ordinal(int d) {
    if (d >= 11 && d <= 13) return "th";
    return switch (d % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  /** A person's full name. */
  static String personName(SplittableRandom rnd) {
    return pick(FIRST_NAMES, rnd) + " " + pick(LAST_NAMES, rnd);
  }
}
