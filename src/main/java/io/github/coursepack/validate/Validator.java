package io.github.coursepack.validate;

import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.format.cc.CcCheck;
import io.github.coursepack.format.h5p.H5pCheck;
import io.github.coursepack.format.moodle.MbzCheck;
import io.github.coursepack.format.questions.GiftCheck;
import io.github.coursepack.format.questions.MoodleXmlCheck;
import io.github.coursepack.format.scorm.Scorm12Check;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.ArchiveSignatures;
import io.github.coursepack.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates one archive: tells its kind from its content, looks at a zip's directory for hostile
 * entries before anything reads it, then runs the kind's check. Nothing is unpacked to disk; every
 * read is capped. A file that is none of the known kinds gives {@code VALIDATE-UNKNOWN-KIND}.
 *
 * <p>Usage: {@code Validator.Report r = Validator.validate(Path.of("unit.zip"));}
 */
public final class Validator {

  /**
   * What validation found in one file.
   *
   * @param file the file as given
   * @param kind what it is, when recognised
   * @param findings what is wrong, errors first as found
   * @param millis how long it took
   */
  public record Report(Path file, Optional<Kind> kind, List<PackageFinding> findings, long millis) {
    public Report {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(kind, "kind");
      findings = List.copyOf(findings);
    }

    /** Valid: no error (warnings are allowed). */
    public boolean valid() {
      return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
      return findings.stream().filter(f -> f.severity() == severity).count();
    }
  }

  private Validator() {}

  public static Report validate(Path file) {
    long start = System.nanoTime();
    List<PackageFinding> findings = new ArrayList<>();
    Optional<Kind> kind = Optional.empty();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      findings.add(error("VALIDATE-UNREADABLE", Message.of("validate.unreadable")));
    } else {
      if (isZip(file)) {
        findings.addAll(ZipSafety.check(file));
      }
      // Telling the kind reads only entry names and 4 KB of a manifest: safe on a hostile zip.
      kind = Detector.detect(file);
      if (findings.isEmpty()) {
        if (kind.isEmpty()) {
          findings.add(error("VALIDATE-UNKNOWN-KIND", Message.of("validate.unknownKind")));
        } else {
          findings.addAll(check(kind.get(), file));
        }
      }
    }
    return new Report(file, kind, findings, (System.nanoTime() - start) / 1_000_000);
  }

  /** Whether {@link Detector} recognises the file; used to pick archives out of a folder. */
  public static boolean isArchive(Path file) {
    return Detector.detect(file).isPresent();
  }

  private static List<PackageFinding> check(Kind kind, Path file) {
    return switch (kind) {
      case SCORM12 -> Scorm12Check.check(file);
      case MBZ -> MbzCheck.check(file);
      case MOODLE_XML -> MoodleXmlCheck.check(file);
      case GIFT -> GiftCheck.check(file);
      case H5P -> H5pCheck.check(file);
      case SCORM2004 -> Scorm12Check.check2004(file);
      case IMSCC -> CcCheck.check(file);
    };
  }

  private static boolean isZip(Path file) {
    try {
      return ArchiveSignatures.isZip(ArchiveSignatures.head(file, 4));
    } catch (IOException e) {
      return false;
    }
  }

  private static PackageFinding error(String rule, Message message) {
    return new PackageFinding(Severity.ERROR, rule, "", 0, message);
  }
}
