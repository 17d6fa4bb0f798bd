package io.github.coursepack.format;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a format's work for each unit on the build's packaging threads ({@link
 * FormatContext#workers()}), and hands the results back in course order on the caller's thread:
 * first the unit's diagnostics, then its result, or its bug through {@link UnitGuard#unit}. The
 * archives, the messages and their order are thus the same whatever the number of threads.
 *
 * <p>The work gets a context whose sink keeps the unit's diagnostics until its turn; it must not
 * call the guard or the progress (the caller does, in order), and what it shares with other units'
 * work must be thread-safe.
 *
 * <p>Usage: {@code UnitJobs.run(course.units(), context, Message.of("doing.writingH5p"), (unit, c)
 * -> writeUnit(unit, c))}
 */
public final class UnitJobs {

  /** One unit's work. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Unit unit, FormatContext context);
  }

  /** What one unit's work gave: its diagnostics, and its result or its bug. */
  private record Done<T>(List<Diagnostic> diagnostics, T value, Throwable bug) {
    T result() {
      if (bug instanceof RuntimeException r) {
        throw r;
      }
      if (bug instanceof Error e) {
        throw e;
      }
      return value;
    }
  }

  private UnitJobs() {}

  /**
   * Each unit's result, in the order of {@code units}; empty for a unit whose work had a bug (then
   * reported by the guard) or gave null.
   *
   * @param doing what the work is, for a bug's message: {@code doing.writingH5p}
   */
  public static <T> List<Optional<T>> run(
      List<Unit> units, FormatContext context, Message doing, Work<T> work) {
    List<CompletableFuture<Done<T>>> pending = new ArrayList<>();
    for (Unit unit : units) {
      pending.add(
          CompletableFuture.supplyAsync(() -> attempt(unit, context, work), context.workers()));
    }
    List<Optional<T>> out = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Done<T> done;
      try {
        done = pending.get(i).join();
      } catch (CompletionException e) {
        // Not a bug of the unit's (those are in Done) but the JVM's: out of memory, …
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
      done.diagnostics().forEach(context.sink()::report);
      out.add(context.guard().unit(units.get(i), doing, done::result));
    }
    return out;
  }

  private static <T> Done<T> attempt(Unit unit, FormatContext context, Work<T> work) {
    DiagnosticSink.Collecting kept = DiagnosticSink.collecting();
    try {
      T value = work.run(unit, context.withSink(kept));
      return new Done<>(List.copyOf(kept.list()), value, null);
    } catch (RuntimeException | StackOverflowError bug) {
      return new Done<>(List.copyOf(kept.list()), null, bug);
    }
  }
}
