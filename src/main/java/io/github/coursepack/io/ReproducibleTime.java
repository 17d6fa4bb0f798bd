package io.github.coursepack.io;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one timestamp written into archives: {@code SOURCE_DATE_EPOCH} when the environment sets it
 * (the reproducible-builds convention), else a fixed date. Never the build time.
 */
public final class ReproducibleTime {

  /** 2020-01-01T00:00:00Z: fixed, recent enough that no tool takes it for a broken date. */
  public static final long DEFAULT_EPOCH_SECONDS = 1_577_836_800L;

  private ReproducibleTime() {}

  /** Seconds since 1970 to stamp archive entries with. */
  public static long epochSeconds() {
    return fromEnvironment(System.getenv("SOURCE_DATE_EPOCH"));
  }

  static long fromEnvironment(String value) {
    if (value != null && value.strip().matches("\\d{1,12}")) {
      long seconds = Long.parseLong(value.strip());
      // Zip's DOS time starts in 1980; clamp instead of failing.
      return Math.max(seconds, 315_532_800L);
    }
    return DEFAULT_EPOCH_SECONDS;
  }

  /**
   * The Java time whose local-time fields equal the UTC fields of {@code epochSeconds}. Zip stores
   * local date and time fields and Commons Compress converts with the default time zone; feeding it
   * this value makes the stored fields the same on every machine, whatever its zone.
   */
  static long zipLocalMillis(long epochSeconds) {
    long even = epochSeconds - Math.floorMod(epochSeconds, 2); // DOS time counts in 2 s steps
    LocalDateTime utcFields = LocalDateTime.ofEpochSecond(even, 0, ZoneOffset.UTC);
    return utcFields.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
  }
}
