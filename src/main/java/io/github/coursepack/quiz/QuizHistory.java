package io.github.coursepack.quiz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Course;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quizzes of a course's last builds, kept in the output folder's cache ({@value #FILE}), so
 * that a rebuild can say what changed and {@code coursepack quiz --diff} can list it.
 *
 * <p>Two snapshots are kept: {@link #last()}, the quiz of the last build, and {@link #before()},
 * the quiz that the last build which changed something was compared with. The quiz JSON files are
 * not used for this: {@code quizjson} may not be among the formats built, and a trainer may delete
 * or edit them.
 *
 * <p>A unit missing from a build with errors (its resource has one) keeps its last snapshot, so
 * that its questions do not count as removed, then added back once the error is fixed.
 *
 * <p>The file is a cache: when it is missing or unreadable, the build is taken for a first build.
 */
public final class QuizHistory {

  /** The file's name in the cache folder. */
  public static final String FILE = "quiz-history.json";

  /** Changes when the file's shape does; an older shape is ignored, as a missing file is. */
  private static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Optional<QuizSnapshot> last;
  private final Optional<QuizSnapshot> before;

  private QuizHistory(Optional<QuizSnapshot> last, Optional<QuizSnapshot> before) {
    this.last = last;
    this.before = before;
  }

  /** The history in {@code cacheDir}, empty when there is none or it cannot be read. */
  public static QuizHistory load(Path cacheDir) {
    Path file = cacheDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new QuizHistory(Optional.empty(), Optional.empty());
    }
    try {
      JsonNode root = JSON.readTree(Files.readAllBytes(file));
      if (root == null || root.path("version").asInt() != VERSION) {
        return new QuizHistory(Optional.empty(), Optional.empty());
      }
      Optional<QuizSnapshot> last = Optional.of(QuizSnapshot.fromJson(root.get("last")));
      Optional<QuizSnapshot> before =
          root.hasNonNull("before")
              ? Optional.of(QuizSnapshot.fromJson(root.get("before")))
              : Optional.empty();
      return new QuizHistory(last, before);
    } catch (IOException | IllegalArgumentException unreadable) {
      // A cache: a damaged file only loses the comparison with the last build.
      return new QuizHistory(Optional.empty(), Optional.empty());
    }
  }

  /** The quiz of the last build, if a build recorded one. */
  public Optional<QuizSnapshot> last() {
    return last;
  }

  /** The quiz the last build that changed something was compared with. */
  public Optional<QuizSnapshot> before() {
    return before;
  }

  /**
   * The course's quiz as a build with it would record it: with errors, the units left out keep
   * their last snapshot.
   *
   * @param complete whether the build had no error (then a unit missing was removed)
   */
  public QuizSnapshot next(Course course, boolean complete) {
    QuizSnapshot now = QuizSnapshot.of(course);
    if (complete || last.isEmpty()) {
      return now;
    }
    List<QuizSnapshot.UnitBank> units = new ArrayList<>(now.units());
    for (QuizSnapshot.UnitBank u : last.get().units()) {
      if (now.unit(u.unit()).isEmpty()) {
        units.add(u);
      }
    }
    return new QuizSnapshot(units);
  }

  /**
   * Records a build's quiz in {@code cacheDir} and returns what changed since the last build: empty
   * on a first build (or when the history could not be read).
   *
   * @param complete whether the build had no error
   * @throws IOException when the history cannot be written
   */
  public static Optional<QuizChanges> record(Path cacheDir, Course course, boolean complete)
      throws IOException {
    QuizHistory history = load(cacheDir);
    QuizSnapshot now = history.next(course, complete);
    Optional<QuizChanges> changes = history.last.map(last -> QuizChanges.between(last, now));
    // The comparison base moves only when something changed, so that --diff still shows the
    // last changes after a rebuild that changed nothing.
    Optional<QuizSnapshot> before =
        changes.isPresent() && !changes.get().isEmpty() ? history.last : history.before;
    write(cacheDir.resolve(FILE), now, before);
    return changes;
  }

  private static void write(Path file, QuizSnapshot last, Optional<QuizSnapshot> before)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", VERSION);
    root.put("last", last.toJson());
    root.put("before", before.map(QuizSnapshot::toJson).orElse(null));
    byte[] bytes;
    try {
      bytes = (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Files.createDirectories(file.getParent());
    AtomicOutput.write(file, bytes);
  }
}
