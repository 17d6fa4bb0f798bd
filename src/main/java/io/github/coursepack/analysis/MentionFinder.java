package io.github.coursepack.analysis;

import io.github.coursepack.model.Actor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the actors a sentence names. Every form of every actor (label, plural, acronyms, full
 * names, aliases) is looked for on word boundaries; acronyms are matched with their case, other
 * forms without it; apostrophes ' and ’ and runs of spaces are the same. Where forms overlap, the
 * longest wins ("IEN chargé de la mission numérique" over "IEN"), then the earliest.
 */
public final class MentionFinder {

  private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s'’]+");

  /**
   * One form of an actor's name. {@code anchor} is its longest word in lower case: a text that does
   * not contain it cannot match, which spares most regular-expression runs.
   */
  private record Form(
      String actorId, Pattern pattern, int length, boolean subjectOnly, String anchor) {}

  private final List<Form> forms = new ArrayList<>();

  public MentionFinder(ActorCatalog catalog) {
    for (Actor actor : catalog.actors()) {
      List<String> words = new ArrayList<>();
      words.add(actor.label());
      words.add(actor.plural());
      words.addAll(actor.expansions());
      words.addAll(actor.aliases());
      for (String acronym : actor.acronyms()) {
        forms.add(
            new Form(
                actor.id(), pattern(acronym, false), acronym.length(), false, anchor(acronym)));
      }
      for (String w : words.stream().distinct().toList()) {
        boolean acronym = actor.acronyms().contains(w);
        forms.add(
            new Form(
                actor.id(), pattern(w, !acronym && !isAllCaps(w)), w.length(), false, anchor(w)));
      }
      for (String w : actor.subjectAliases()) {
        forms.add(new Form(actor.id(), pattern(w, true), w.length(), true, anchor(w)));
      }
    }
    forms.sort(Comparator.comparingInt(Form::length).reversed());
  }

  /** The mentions in {@code text}, in text order, none overlapping. */
  public List<Mention> find(String text) {
    List<Mention> candidates = new ArrayList<>();
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (Form form : forms) {
      if (!lower.contains(form.anchor())) {
        continue;
      }
      Matcher m = form.pattern().matcher(text);
      while (m.find()) {
        candidates.add(
            new Mention(form.actorId(), m.start(), m.end(), m.group(), form.subjectOnly()));
      }
    }
    candidates.sort(
        Comparator.comparingInt((Mention c) -> c.end() - c.start())
            .reversed()
            .thenComparingInt(Mention::start));
    List<Mention> chosen = new ArrayList<>();
    for (Mention c : candidates) {
      if (chosen.stream().noneMatch(c::overlaps)) {
        chosen.add(c);
      }
    }
    chosen.sort(Comparator.comparingInt(Mention::start));
    return chosen;
  }

  private static String anchor(String form) {
    String longest = "";
    for (String word : WORD_SEPARATORS.split(form)) {
      if (word.length() > longest.length()) {
        longest = word;
      }
    }
    return longest.toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isAllCaps(String w) {
    return w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }

  /** A form as a pattern: spaces flexible, both apostrophes, word boundaries at both ends. */
  public static Pattern pattern(String form, boolean ignoreCase) {
    StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
    if (ignoreCase) {
      re.append("(?iu:");
    } else {
      re.append("(?:");
    }
    for (int i = 0; i < form.length(); i++) {
      char c = form.charAt(i);
      if (c == ' ') {
        re.append("\\s+");
        while (i + 1 < form.length() && form.charAt(i + 1) == ' ') {
          i++;
        }
      } else if (c == '\'' || c == '’') {
        re.append("['’]");
      } else if (Character.isLetterOrDigit(c)) {
        re.append(c);
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    re.append(")(?![\\p{L}\\p{N}])");
    return Pattern.compile(re.toString());
  }
}
