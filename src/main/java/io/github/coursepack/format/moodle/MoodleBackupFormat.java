package io.github.coursepack.format.moodle;

import io.github.coursepack.format.ArchiveLedger;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.format.scorm.Scorm12Format;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.DeterministicTarGz;
import io.github.coursepack.io.DeterministicZip;
import io.github.coursepack.io.SafeXml;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes {@code mbz/<course-slug>.mbz}, a Moodle course backup that restores into Moodle 4.1 and
 * later as a ready course (see {@link MoodleBackup}). With {@link FormatContext.Options#mbzScorm()}
 * each unit section also gets a SCORM activity carrying the unit's SCORM 1.2 package, already
 * parsed: the package the {@code scorm12} format wrote in this build when it is the same, else one
 * made here. Every backup written is checked with {@link MbzCheck}, from the content archived; a
 * finding is reported as an error, since it means a bug here.
 */
public final class MoodleBackupFormat implements PackageFormat {

  static final String FOLDER = "mbz";

  /** The scratch folder of the units' SCORM packages ({@code --mbz-scorm}), next to the backup. */
  private static final String SCRATCH_PREFIX = ".scorm-";

  /**
   * Whether a folder is the scratch folder of a build killed while it wrote a backup: the next
   * build removes it.
   */
  public static boolean isScratch(Path dir) {
    Path name = dir.getFileName();
    Path parent = dir.getParent();
    return name != null
        && parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals(FOLDER)
        && name.toString().matches("\\.scorm-[0-9]+");
  }

  @Override
  public String id() {
    return "mbz";
  }

  @Override
  public String description() {
    return "Moodle course backup (.mbz) for Moodle 4.1+, to restore as a course (mbz/)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    if (course.units().isEmpty()) {
      return List.of();
    }
    Path target = context.outputDir().resolve(FOLDER).resolve(course.slug() + ".mbz");
    Optional<Course> whole = context.guard().courseArchive(course, target);
    if (whole.isEmpty() || whole.get().units().isEmpty()) {
      return List.of();
    }
    return write(whole.get(), target, context);
  }

  private List<Path> write(Course course, Path target, FormatContext context) {
    Path scratch = null;
    List<PackageFinding> findings;
    FormatContext.Outcome outcome;
    try {
      List<Optional<ScormActivity>> scorm = new ArrayList<>();
      if (context.options().mbzScorm()) {
        Files.createDirectories(target.getParent());
        scratch = Files.createTempDirectory(target.getParent(), SCRATCH_PREFIX);
      }
      for (Unit unit : course.units()) {
        scorm.add(
            scratch == null
                ? Optional.empty()
                : Optional.of(scormActivity(course, unit, context, scratch)));
      }
      ArchiveContent content =
          MoodleBackup.build(
              course,
              context.template(),
              new MoodleBackup.Options(
                  context.epochSeconds(), scorm, target.getFileName().toString()));
      long epoch = context.epochSeconds();
      outcome =
          context.archive(
              id(),
              null,
              target,
              ArchiveLedger.key(id(), content, epoch),
              () -> DeterministicTarGz.write(target, content, epoch));
      // Checked from what was archived, without reading the backup back: its XML is in memory
      // and each blob is named by the SHA-1 computed as it was added, so no video is read again.
      // An unchanged backup was checked when it was written.
      findings = outcome == FormatContext.Outcome.WRITTEN ? MbzCheck.check(content) : List.of();
    } catch (IOException | UncheckedIOException e) {
      context.sink().report(Diagnostic.error(target, 0, Message.of("mbz.cannotWrite", e)));
      return List.of();
    } finally {
      deleteTree(scratch);
    }
    for (var finding : findings) {
      context.sink().report(Diagnostic.error(target, 0, Message.of("mbz.failsOwnCheck", finding)));
    }
    context.done(id(), null, target, outcome);
    return List.of(target);
  }

  private static ScormActivity scormActivity(
      Course course, Unit unit, FormatContext context, Path scratch) throws IOException {
    ArchiveContent content = Scorm12Format.unitPackage(course, unit, context.template());
    // The scorm12 format of this build has usually written this very package: carry its file.
    Optional<Path> written = context.written().zip(content.fingerprint(context.epochSeconds()));
    Path zip;
    if (written.isPresent()) {
      zip = written.get();
    } else {
      zip = scratch.resolve(unit.slug() + ".zip");
      DeterministicZip.write(zip, content, context.epochSeconds());
    }
    byte[] manifest;
    try (InputStream in = content.entries().get("imsmanifest.xml").open()) {
      manifest = in.readAllBytes();
    }
    return new ScormActivity(new ArchiveContent.FileSource(zip), content, scoes(manifest));
  }

  /**
   * The {@code scorm_scoes} rows Moodle's parser ({@code scorm_get_manifest}) makes of a SCORM 1.2
   * manifest: each organisation, then its items depth first, with the launch file and type of the
   * resource an item points to.
   */
  static List<ScormActivity.Sco> scoes(byte[] manifest) {
    SafeXml.Element root;
    try {
      root = SafeXml.parse(manifest);
    } catch (SafeXml.Malformed e) {
      throw new IllegalStateException("our own manifest does not parse", e);
    }
    String manifestId = root.attr("identifier");
    List<ScormActivity.Sco> out = new ArrayList<>();
    SafeXml.Element resources = root.child("resources");
    for (SafeXml.Element org : root.child("organizations").children("organization")) {
      String orgId = org.attr("identifier");
      out.add(new ScormActivity.Sco(manifestId, "", "/", orgId, "", "", title(org)));
      items(org, orgId, orgId, manifestId, resources, out);
    }
    return out;
  }

  private static void items(
      SafeXml.Element parent,
      String parentId,
      String orgId,
      String manifestId,
      SafeXml.Element resources,
      List<ScormActivity.Sco> out) {
    for (SafeXml.Element item : parent.children("item")) {
      String ref = item.attr("identifierref");
      String launch = "";
      String type = "";
      if (ref != null && resources != null) {
        for (SafeXml.Element r : resources.children("resource")) {
          if (ref.equals(r.attr("identifier"))) {
            launch = r.attr("href") == null ? "" : r.attr("href");
            String t = r.attr("adlcp:scormtype");
            type = t == null ? "" : t;
          }
        }
      }
      String id = item.attr("identifier");
      out.add(new ScormActivity.Sco(manifestId, orgId, parentId, id, launch, type, title(item)));
      items(item, id, orgId, manifestId, resources, out);
    }
  }

  private static String title(SafeXml.Element e) {
    SafeXml.Element t = e.child("title");
    return t == null ? "" : t.text();
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover hidden scratch folder is harmless; the next build makes a new one
    }
  }
}
