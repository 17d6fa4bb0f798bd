package io.github.coursepack.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.io.Digests;
import io.github.coursepack.model.Claim;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What LanguageTool found, kept in the output folder so that a rebuild after a small edit does not
 * start it again: each unit's facts, keyed by a hash of its sentences' text. A cache from another
 * version or catalogue is ignored.
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

  /** The file's content. */
  record Stored(String version, String catalogue, Map<String, List<StoredFact>> units) {}

  private final Path file;
  private final String catalogue;
  private final Map<String, List<StoredFact>> units = new ConcurrentHashMap<>();
  private boolean changed;

  private AnalysisCache(Path file, String catalogue) {
    this.file = file;
    this.catalogue = catalogue;
  }

  /** The cache in {@code dir}, empty when there is none or it is stale or unreadable. */
  public static AnalysisCache open(Path dir, String catalogueFingerprint) {
    AnalysisCache cache = new AnalysisCache(dir.resolve(FILE), catalogueFingerprint);
    if (Files.isRegularFile(cache.file)) {
      try {
        Stored s = JSON.readValue(cache.file.toFile(), Stored.class);
        if (VERSION.equals(s.version()) && catalogueFingerprint.equals(s.catalogue())) {
          if (s.units() != null) {
            cache.units.putAll(s.units());
          }
        }
      } catch (IOException | RuntimeException unreadable) {
        // A damaged cache is only a slower build.
      }
    }
    return cache;
  }

  /** A cache that keeps nothing on disk. */
  public static AnalysisCache inMemory(String catalogueFingerprint) {
    return new AnalysisCache(null, catalogueFingerprint);
  }

  /** The unit's facts, if its text was analysed before. */
  public Optional<List<RoleFact>> facts(String preamble, List<TextBlock> blocks) {
    List<StoredFact> stored = units.get(key(preamble, blocks));
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
    units.put(key(preamble, blocks), stored);
    changed = true;
  }

  /** Writes the cache back if anything was added. */
  public void save() throws IOException {
    if (file == null || !changed) {
      return;
    }
    Stored s = new Stored(VERSION, catalogue, new TreeMap<>(units));
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
