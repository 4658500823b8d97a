package dev.verbatim.app.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The parsed {@link PhraseBank}: every theme in bank order plus the shared pools (openers, closers,
 * connectors, agent, bot and note lines). Parsed once; immutable and thread-safe.
 */
final class Themes {
  static final String BILLING_DOUBLE_CHARGE = "billing_double_charge";
  static final String BANK_SYNC = "bank_sync";
  static final String REPORTING = "reporting";
  static final String SSO_ADMIN = "sso_admin";

  private static final Themes INSTANCE = parse(PhraseBank.SOURCE);

  private final List<Theme> themes;
  private final Map<String, Theme> byId;
  private final Map<String, List<Template>> shared;

  private Themes(List<Theme> themes, Map<String, List<Template>> shared) {
    this.themes = List.copyOf(themes);
    var m = new LinkedHashMap<String, Theme>();
    for (Theme t : themes) m.put(t.id(), t);
    this.byId = m;
    this.shared = Collections.unmodifiableMap(new TreeMap<>(shared));
  }

  /** The catalog built from {@link PhraseBank#SOURCE}. */
  static Themes get() {
    return INSTANCE;
  }

  /** All themes, in bank order (stable). */
  List<Theme> all() {
    return themes;
  }

  Theme byId(String id) {
    Theme t = byId.get(id);
    if (t == null) throw new NoSuchElementException("no theme " + id);
    return t;
  }

  /** A shared pool such as {@code "_opener"}. */
  List<Template> pool(String name) {
    List<Template> p = shared.get(name);
    if (p == null) throw new NoSuchElementException("no shared pool " + name);
    return p;
  }

  /** Expands one random template of a shared pool. */
  String say(String pool, SplittableRandom rnd, Template.SlotFiller slots) {
    List<Template> p = pool(pool);
    return p.get(rnd.nextInt(p.size())).expand(rnd, slots);
  }

  static Themes parse(String source) {
    List<Theme> themes = new ArrayList<>();
    Map<String, List<Template>> shared = new TreeMap<>();
    Builder current = null;
    String sharedName = null;
    for (String raw : source.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("==")) {
        if (current != null) themes.add(current.build());
        current = null;
        sharedName = null;
        String[] head = line.substring(2).split("\\|");
        String id = head[0].strip();
        if (id.startsWith("_")) {
          sharedName = id;
          shared.put(id, new ArrayList<>());
        } else {
          current = new Builder(id, head[1].strip(), head[2].strip(), head[3].strip());
        }
        continue;
      }
      int colon = line.indexOf(": ");
      String kind = line.substring(0, colon);
      String body = line.substring(colon + 2);
      List<Template> alternatives = new ArrayList<>();
      for (String alt : body.split(" \\| ")) alternatives.add(Template.parse(alt.strip()));
      if (sharedName != null) {
        shared.get(sharedName).addAll(alternatives);
      } else if (current != null) {
        current.add(kind, alternatives);
      } else {
        throw new IllegalArgumentException("phrase outside a section: " + line);
      }
    }
    if (current != null) themes.add(current.build());
    shared.replaceAll((k, v) -> List.copyOf(v));
    return new Themes(themes, shared);
  }

  private static final class Builder {
    final String id;
    final String name;
    final List<String> keywords = new ArrayList<>();
    final Map<Theme.Tone, Integer> weights = new EnumMap<>(Theme.Tone.class);
    final Map<Theme.Tone, List<Template>> pools = new EnumMap<>(Theme.Tone.class);
    final List<Template> subjects = new ArrayList<>();
    final List<Template> agent = new ArrayList<>();
    final Map<String, List<Template>> foreign = new TreeMap<>();

    Builder(String id, String name, String keywords, String weights) {
      this.id = id;
      this.name = name;
      for (String k : keywords.split(",")) this.keywords.add(k.strip().toLowerCase(Locale.ROOT));
      String[] w = weights.split("/");
      Theme.Tone[] tones = Theme.Tone.values();
      for (int i = 0; i < tones.length; i++) this.weights.put(tones[i], Integer.parseInt(w[i]));
    }

    void add(String kind, List<Template> ts) {
      switch (kind) {
        case "sub" -> subjects.addAll(ts);
        case "agent" -> agent.addAll(ts);
        case "neg", "sarc", "pos", "req" ->
            pools
                .computeIfAbsent(Theme.Tone.valueOf(kind.toUpperCase(Locale.ROOT)), k -> new ArrayList<>())
                .addAll(ts);
        default -> foreign.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(ts);
      }
    }

    Theme build() {
      var p = new EnumMap<Theme.Tone, List<Template>>(Theme.Tone.class);
      pools.forEach((k, v) -> p.put(k, List.copyOf(v)));
      var f = new TreeMap<String, List<Template>>();
      foreign.forEach((k, v) -> f.put(k, List.copyOf(v)));
      return new Theme(id, name, keywords, weights, p, subjects, agent, f);
    }
  }
}
