package io.github.coursepack.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.io.Digests;
import io.github.coursepack.io.ProgramVersion;
import io.github.coursepack.model.Claim;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What LanguageTool found, kept in the output folder so that a rebuild after a small edit does not
 * start it again: each unit's facts, keyed by a hash of its title and its sentences' text.
 *
 * <p>Facts depend on nothing else but what the file's header records: the way facts are made
 * ({@link #VERSION}), coursepack's and LanguageTool's versions and the actor catalogue. A cache
 * whose header differs is ignored as a whole. The entries of units no longer analysed (an edited
 * text, a removed resource) are dropped when the cache is saved, so that it does not grow with
 * every edit. A damaged file (cut short, wrong types) is ignored with an info line, and written
 * anew.
 */
public final class AnalysisCache {

  /** Changes whenever the way facts are made changes, so that old caches are not reused. */
  static final String VERSION = "facts-11";

  static final String FILE = "analysis.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A fact as stored: its sentence by index, so that lines are those of the current file. */
  record StoredFact(
      String id,
      String actorId,
      String polarity,
      String predicate,
      String who,
      String role,
      String statement,
      int sentence,
      String via,
      String claim,
      String claimFeminine,
      String asked,
      String scope,
      String situation,
      String contrast,
      int salience) {}

  /**
   * The file's content.
   *
   * @param version {@link #VERSION}
   * @param catalogue the actor catalogue's fingerprint
   * @param coursepack coursepack's version
   * @param languageTool LanguageTool's version
   * @param units each unit's facts, by {@link #key}
   */
  record Stored(
      String version,
      String catalogue,
      String coursepack,
      String languageTool,
      Map<String, List<StoredFact>> units) {}

  private final Path file;
  private final String catalogue;
  private final Map<String, List<StoredFact>> units = new ConcurrentHashMap<>();
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private volatile boolean changed;

  private AnalysisCache(Path file, String catalogue) {
    this.file = file;
    this.catalogue = catalogue;
  }

  /**
   * The cache in {@code dir}: empty when there is none, when it was made by another version or with
   * another catalogue, or when it is damaged (then an info line naming it goes to {@code sink}).
   */
  public static AnalysisCache open(Path dir, String catalogueFingerprint, DiagnosticSink sink) {
    AnalysisCache cache = new AnalysisCache(dir.resolve(FILE), catalogueFingerprint);
    if (Files.isRegularFile(cache.file)) {
      try {
        Stored s = JSON.readValue(cache.file.toFile(), Stored.class);
        if (s == null) {
          throw new IOException("empty");
        }
        if (VERSION.equals(s.version())
            && catalogueFingerprint.equals(s.catalogue())
            && ProgramVersion.coursepack().equals(s.coursepack())
            && ProgramVersion.languageTool().equals(s.languageTool())) {
          Map<String, List<StoredFact>> read = s.units() == null ? Map.of() : s.units();
          for (Map.Entry<String, List<StoredFact>> e : read.entrySet()) {
            if (e.getValue() == null || !e.getValue().stream().allMatch(AnalysisCache::valid)) {
              throw new IOException("unit " + e.getKey() + " has a fact that is not one");
            }
          }
          cache.units.putAll(read);
        }
        // Else stale: nothing of it is reused, and it is written anew.
      } catch (IOException | RuntimeException damaged) {
        cache.units.clear();
        cache.changed = true;
        sink.report(
            Diagnostic.info(
                cache.file,
                0,
                "the analysis cache cannot be read ("
                    + firstLine(damaged)
                    + "); ignored: the texts are analysed again and the cache written anew"));
      }
    }
    return cache;
  }

  /** Whether a stored fact can be turned back into one: every required field of a known value. */
  private static boolean valid(StoredFact f) {
    if (f == null
        || f.id() == null
        || f.actorId() == null
        || f.predicate() == null
        || f.sentence() < 0) {
      return false;
    }
    try {
      Polarity.valueOf(f.polarity());
      RoleFact.Via.valueOf(f.via());
      RoleFact.Asked.valueOf(f.asked());
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** A cache that keeps nothing on disk. */
  public static AnalysisCache inMemory(String catalogueFingerprint) {
    return new AnalysisCache(null, catalogueFingerprint);
  }

  /** The unit's facts, if its text was analysed before. */
  public Optional<List<RoleFact>> facts(String preamble, List<TextBlock> blocks) {
    String key = key(preamble, blocks);
    List<StoredFact> stored = units.get(key);
    if (stored == null) {
      return Optional.empty();
    }
    List<Sentence> sentences = blocks.stream().flatMap(b -> b.sentences().stream()).toList();
    List<RoleFact> out = new ArrayList<>();
    for (StoredFact f : stored) {
      if (f.sentence() < 0 || f.sentence() >= sentences.size()) {
        return Optional.empty();
      }
      out.add(
          new RoleFact(
              f.id(),
              f.actorId(),
              Polarity.valueOf(f.polarity()),
              f.predicate(),
              Optional.ofNullable(f.who()),
              Optional.ofNullable(f.role()),
              Optional.ofNullable(f.statement()),
              f.claim() == null
                  ? Optional.empty()
                  : Optional.of(new Claim(f.claim(), f.claimFeminine())),
              sentences.get(f.sentence()),
              RoleFact.Via.valueOf(f.via()),
              RoleFact.Asked.valueOf(f.asked()),
              Optional.ofNullable(f.scope()),
              Optional.ofNullable(f.situation()),
              Optional.ofNullable(f.contrast()),
              f.salience()));
    }
    used.add(key);
    return Optional.of(out);
  }

  public void putFacts(String preamble, List<TextBlock> blocks, List<RoleFact> facts) {
    List<StoredFact> stored = new ArrayList<>();
    for (RoleFact f : facts) {
      stored.add(
          new StoredFact(
              f.id(),
              f.actorId(),
              f.polarity().name(),
              f.predicate(),
              f.who().orElse(null),
              f.role().orElse(null),
              f.statement().orElse(null),
              f.evidence().index(),
              f.via().name(),
              f.claim().map(Claim::masculine).orElse(null),
              f.claim().map(Claim::feminine).orElse(null),
              f.asked().name(),
              f.scope().orElse(null),
              f.situation().orElse(null),
              f.contrast().orElse(null),
              f.salience()));
    }
    String key = key(preamble, blocks);
    units.put(key, stored);
    used.add(key);
    changed = true;
  }

  /**
   * Writes the cache back, with the facts of the texts analysed or read since it was opened only,
   * if that is not what the file holds.
   */
  public void save() throws IOException {
    if (file == null) {
      return;
    }
    Map<String, List<StoredFact>> kept = new TreeMap<>();
    units.forEach(
        (key, facts) -> {
          if (used.contains(key)) {
            kept.put(key, facts);
          }
        });
    if (!changed && kept.size() == units.size() && Files.isRegularFile(file)) {
      return;
    }
    Stored s =
        new Stored(
            VERSION, catalogue, ProgramVersion.coursepack(), ProgramVersion.languageTool(), kept);
    AtomicOutput.write(file, JSON.writeValueAsBytes(s));
  }

  /**
   * The unit's preamble (its title) and its sentences' text, in order: what the analysis depends on
   * (lines do not matter).
   */
  static String key(String preamble, List<TextBlock> blocks) {
    MessageDigest md = Digests.newSha256();
    md.update(preamble.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 2);
    for (TextBlock b : blocks) {
      md.update(b.kind().name().getBytes(StandardCharsets.UTF_8));
      for (Sentence s : b.sentences()) {
        md.update((byte) 0);
        md.update(s.text().getBytes(StandardCharsets.UTF_8));
      }
      md.update((byte) 1);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
