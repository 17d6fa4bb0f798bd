package io.github.coursepack.quiz;

import io.github.coursepack.io.Digests;

/**
 * Question ids: one id per question, the same in {@code coursepack quiz}, the overrides, the quiz
 * JSON, the Moodle XML and course backup {@code idnumber} and the GIFT {@code [id:…]}.
 *
 * <p>An id is the unit's prefix, a hyphen and a tail naming what the question asks about ({@code
 * who-cpd-numerique-1a2b3c4d}). Moodle's {@code question_bank_entries.idnumber} column holds 100
 * characters, so both parts are bounded by construction: a prefix longer than {@link #PREFIX_MAX}
 * (a long course shortname and a long title) keeps its first words and ends with a hash of the
 * whole, and so does a tail longer than what the prefix leaves (at least {@link #TAIL_MIN}: a «
 * faux » about two actors with long ids). An id that fits is left as it is. Ids stay derived, never
 * random: the same unit and fact give the same id on every build.
 */
final class QuestionIds {

  /** Moodle's question idnumber column: {@code char(100)} in {@code question_bank_entries}. */
  static final int MAX = 100;

  /** The unit prefix's share of {@link #MAX}; {@code qfq-num-le-conseiller-…-au-numerique} fits. */
  static final int PREFIX_MAX = 60;

  /** What the longest prefix leaves for the tail, after its hyphen. */
  static final int TAIL_MIN = MAX - PREFIX_MAX - 1;

  /** Length of {@link Digests#shortHex}. */
  private static final int HASH = 8;

  private QuestionIds() {}

  /** The id of a question of the unit {@code unitId}: {@code prefix(unitId) + "-" + tail}. */
  static String of(String unitId, String tail) {
    String prefix = prefix(unitId);
    return prefix + "-" + bounded(tail, MAX - prefix.length() - 1);
  }

  /** What every question id of the unit starts with, before its hyphen. */
  static String prefix(String unitId) {
    return bounded(unitId, PREFIX_MAX);
  }

  /**
   * The id, in today's form, of a question of {@code unitId} whose id may have been written before
   * ids were bounded ({@code <unit id>-<tail>}, whatever its length); other ids as they are. An id
   * already in today's form is returned unchanged.
   */
  static String current(String id, String unitId) {
    return id.startsWith(unitId + "-") ? of(unitId, id.substring(unitId.length() + 1)) : id;
  }

  /**
   * An id written by hand (an {@code add:} entry's {@code id:}), bounded the same way so that
   * Moodle keeps it whole.
   */
  static String bounded(String id) {
    return bounded(id, MAX);
  }

  /**
   * {@code text} when it fits in {@code max} characters, else its first words (cut at a hyphen when
   * one is not too far back) and a hash of the whole text: still readable, still unique.
   */
  static String bounded(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int room = max - HASH - 1;
    String head = text.substring(0, room);
    int cut = head.lastIndexOf('-');
    if (cut > room / 2) {
      head = head.substring(0, cut);
    }
    while (head.endsWith("-")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + Digests.shortHex(text);
  }
}
