package io.github.coursepack.analysis;

import io.github.coursepack.model.Course;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The role facts of every unit of a course. LanguageTool is started only when a unit's text is not
 * in the cache, and at most once.
 *
 * <p>Usage: {@code Map<String, List<RoleFact>> facts = new CourseAnalysis(catalog, cache,
 * nlp).facts(course);}
 */
public final class CourseAnalysis {

  private final ActorCatalog catalog;
  private final AnalysisCache cache;
  private final Supplier<FrenchNlp> nlp;
  private final boolean tagsInParallel;
  private FactExtractor extractor;

  /**
   * @param nlp gives the French toolkit; called only on a cache miss, so pass a lazy one
   */
  public CourseAnalysis(ActorCatalog catalog, AnalysisCache cache, Supplier<FrenchNlp> nlp) {
    this(catalog, cache, nlp, false);
  }

  /**
   * @param tagsInParallel whether a unit's sentences are tagged on several cores before its facts
   *     are read, one sentence after the other (tagging is most of the work, and a sentence's tags
   *     do not depend on the others'): a long text then keeps every core busy, as do the last units
   *     of a course when the others are done. The facts are the same either way.
   */
  public CourseAnalysis(
      ActorCatalog catalog, AnalysisCache cache, Supplier<FrenchNlp> nlp, boolean tagsInParallel) {
    this.catalog = catalog;
    this.cache = cache;
    this.nlp = nlp;
    this.tagsInParallel = tagsInParallel;
  }

  /** Facts by unit id, in course order. */
  public Map<String, List<RoleFact>> facts(Course course) {
    Map<String, List<RoleFact>> out = new LinkedHashMap<>();
    for (Unit unit : course.units()) {
      out.put(unit.id(), facts(unit));
    }
    return out;
  }

  public List<RoleFact> facts(Unit unit) {
    String preamble = unit.title();
    Optional<List<RoleFact>> cached = cache.facts(preamble, unit.textBlocks());
    if (cached.isPresent()) {
      return cached.get();
    }
    if (extractor == null) {
      extractor = new FactExtractor(catalog, nlp.get());
    }
    if (tagsInParallel) {
      // Into the toolkit's cache of tagged sentences, where the extractor finds them. The
      // common fork-join pool is shared by every unit's analysis and never waits on itself.
      FrenchNlp french = nlp.get();
      unit.textBlocks().stream()
          .flatMap(b -> b.sentences().stream())
          .map(Sentence::text)
          .distinct()
          .toList()
          .parallelStream()
          .forEach(french::tokens);
    }
    List<RoleFact> facts = extractor.extract(preamble, unit.textBlocks());
    cache.putFacts(preamble, unit.textBlocks(), facts);
    return facts;
  }
}
