package io.github.coursepack.format.moodle;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers for the rows of a backup, one sequence per table, given out in the order the course is
 * written, so that the same course gets the same numbers. Restore maps every one of them to a new
 * id; what matters is that they agree across the backup's files. Context 1 is the system's and 2
 * the course's, so that activity contexts never collide with either.
 */
final class BackupIds {

  static final int SYSTEM_CONTEXT = 1;
  static final int COURSE_CONTEXT = 2;
  static final int COURSE = 1;

  private final Map<String, Integer> next = new HashMap<>();

  BackupIds() {
    next.put("context", COURSE_CONTEXT + 1);
  }

  /** The next number of {@code table}, from 1 (contexts from 3). */
  int next(String table) {
    int n = next.getOrDefault(table, 1);
    next.put(table, n + 1);
    return n;
  }
}
