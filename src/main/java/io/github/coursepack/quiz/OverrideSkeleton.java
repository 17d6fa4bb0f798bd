package io.github.coursepack.quiz;

import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A ready-to-edit override file for a unit ({@code coursepack quiz DIR --skeleton UNIT}): every
 * generated question as commented-out {@code drop}, {@code pin} and {@code edit} entries, and an
 * {@code add} example, under a French header saying how to use it. Uncommenting an entry (removing
 * « # » and keeping the indentation) gives valid overrides; lines that only inform start with « ##
 * », so that they stay comments when a whole block is uncommented.
 *
 * <p>Usage: {@code String yaml = OverrideSkeleton.of(unit, bank, candidates);}
 */
public final class OverrideSkeleton {

  private static final int SHORT_STEM = 70;

  private OverrideSkeleton() {}

  /**
   * @param unit the unit, for its title and file
   * @param bank the questions its quiz has (blueprint first)
   * @param candidates every question generated for it, those left out included
   */
  public static String of(Unit unit, List<Question> bank, List<Question> candidates) {
    Map<String, Question> all = new LinkedHashMap<>();
    bank.forEach(q -> all.put(q.id(), q));
    candidates.forEach(q -> all.putIfAbsent(q.id(), q));
    Set<String> inQuiz = bank.stream().map(Question::id).collect(Collectors.toSet());
    List<Question> questions = new ArrayList<>(all.values());

    StringBuilder out = new StringBuilder();
    out.append("# Modifications du quiz de l'unité « ")
        .append(oneLine(unit.title()))
        .append(" » (")
        .append(unit.sourceName())
        .append(").\n");
    out.append(
        """
        # coursepack lit ce fichier à chaque build. Toutes les questions générées y sont, en
        # commentaire : pour agir sur une question, enlevez « # » au début de ses lignes (gardez
        # les espaces qui restent devant), puis vérifiez avec « coursepack quiz DOSSIER ».
        #   drop : retirer la question du quiz ;
        #   pin  : toujours la garder, même une question « hors quiz » ;
        #   edit : changer son énoncé (stem), son retour (feedback), ses options (autant que
        #          générées, dans le même ordre) ou sa réponse (answer : numéro de la bonne
        #          option, ou true/false) ; gardez seulement les lignes que vous changez ;
        #   add  : ajouter une question écrite à la main (exemples en bas du fichier).
        # Les lignes « ## » sont des explications : laissez-les en commentaire.
        # Les ids ne changent pas quand un titre change (voir .coursepack/ids.yaml).
        """);
    out.append("\ndrop:\n");
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      out.append("  # - ").append(q.id()).append("  ## ").append(label(q, i, inQuiz)).append('\n');
    }
    out.append("\npin:\n");
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      out.append("  # - ").append(q.id()).append("  ## ").append(label(q, i, inQuiz)).append('\n');
    }
    out.append("\nedit:\n");
    for (int i = 0; i < questions.size(); i++) {
      editEntry(out, unit, questions.get(i), i, inQuiz);
    }
    out.append(
        """
        add:
          # - stem: "Qui nomme le référent numérique ?"
          #   options: ["Le chef d'établissement", "Le recteur", "La DRANE"]
          #   answer: 1
          #   feedback: "Le chef d'établissement, par une lettre de mission."
          # - stem: "Le référent numérique répare les ordinateurs."
          #   answer: false
          #   feedback: "Non : il accompagne les usages ; la maintenance relève d'autres acteurs."
        """);
    return out.toString();
  }

  private static String label(Question q, int i, Set<String> inQuiz) {
    String stem = oneLine(q.stem());
    if (stem.length() > SHORT_STEM) {
      stem = stem.substring(0, SHORT_STEM - 1).strip() + "…";
    }
    return (i + 1)
        + ". ["
        + q.kind().id()
        + "] "
        + stem
        + (inQuiz.contains(q.id()) ? "" : " (hors quiz)");
  }

  private static void editEntry(
      StringBuilder out, Unit unit, Question q, int i, Set<String> inQuiz) {
    out.append("  ## ")
        .append(i + 1)
        .append(". [")
        .append(q.kind().id())
        .append("] ")
        .append(inQuiz.contains(q.id()) ? "dans le quiz" : "hors quiz (à épingler avec pin)")
        .append('\n');
    for (Sentence s : q.evidence()) {
      out.append("  ## source : ")
          .append(unit.sourceName())
          .append(':')
          .append(s.line())
          .append(" « ")
          .append(oneLine(s.text()))
          .append(" »\n");
    }
    out.append("  # ").append(q.id()).append(":\n");
    out.append("  #   stem: ").append(quoted(q.stem())).append('\n');
    if (q instanceof Question.MultipleChoice mc) {
      List<String> options = new ArrayList<>();
      int answer = 0;
      for (int k = 0; k < mc.choices().size(); k++) {
        Choice c = mc.choices().get(k);
        options.add(quoted(c.text()));
        if (c.correct()) {
          answer = k + 1;
        }
      }
      out.append("  #   options: [").append(String.join(", ", options)).append("]\n");
      out.append("  #   answer: ").append(answer).append('\n');
    } else if (q instanceof Question.TrueFalse tf) {
      out.append("  #   answer: ").append(tf.answer()).append('\n');
    } else if (q instanceof Question.Matching m) {
      for (Question.Matching.Pair p : m.pairs()) {
        out.append("  ## ")
            .append(oneLine(p.actor()))
            .append(" -> ")
            .append(oneLine(p.role()))
            .append(" (paires non modifiables)\n");
      }
    }
    out.append("  #   feedback: ").append(quoted(q.feedback())).append("\n\n");
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** A YAML double-quoted scalar, on one line. */
  static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : oneLine(s).toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
