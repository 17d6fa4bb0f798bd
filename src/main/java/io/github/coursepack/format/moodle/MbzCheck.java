package io.github.coursepack.format.moodle;

import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.ArchiveSignatures;
import io.github.coursepack.io.Digests;
import io.github.coursepack.io.EntryNames;
import io.github.coursepack.io.SafeXml;
import io.github.coursepack.model.Severity;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks a Moodle course backup (gzip'd tar, plain tar or zip, as Moodle restores all three)
 * against what restore needs (reference/README.md): the required files, well-formed XML without
 * DTD, a 4.0+ format declaration, activity folders and settings that agree with {@code
 * moodle_backup.xml}, and the ids that restore silently drops when they disagree — file contexts,
 * {@code inforef.xml} lists, blobs and their SHA-1, question categories, quiz slot contexts and
 * bank entries, random slots (filter, category, contexts, enough questions to draw), true/false
 * answer ids, SCORM SCOs.
 *
 * <p>The archive is read once, as a stream: blobs are hashed as they pass and only XML files are
 * kept, each up to a limit; hostile archives (path traversal, links, too many or too big entries,
 * DTDs) give findings, never an exception or a file written anywhere.
 *
 * <p>Usage: {@code List<PackageFinding> findings = MbzCheck.check(Path.of("course.mbz"));}
 */
public final class MbzCheck {

  static final int MAX_ENTRIES = 100_000;
  static final long MAX_XML_BYTES = 64L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024 * 1024;

  /** Root files restore needs (reference/README.md); the others are optional. */
  static final List<String> ROOT_FILES =
      List.of(
          "moodle_backup.xml",
          "groups.xml",
          "outcomes.xml",
          "scales.xml",
          "roles.xml",
          "files.xml",
          "questions.xml");

  static final List<String> COURSE_FILES =
      List.of(
          "course/course.xml",
          "course/calendar.xml",
          "course/filters.xml",
          "course/roles.xml",
          "course/contentbank.xml");

  static final List<String> ACTIVITY_FILES =
      List.of("module.xml", "grades.xml", "calendar.xml", "filters.xml", "roles.xml");

  private static final Pattern BLOB = Pattern.compile("files/([0-9a-f]{2})/([0-9a-f]{40})");

  private final List<PackageFinding> findings = new ArrayList<>();
  private final Map<String, byte[]> xml = new LinkedHashMap<>();
  private final Map<String, Long> blobSizes = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  private final Map<String, SafeXml.Element> parsed = new HashMap<>();

  private MbzCheck() {}

  public static List<PackageFinding> check(Path archive) {
    MbzCheck c = new MbzCheck();
    if (c.read(archive)) {
      c.checkContent();
    }
    return Collections.unmodifiableList(c.findings);
  }

  /**
   * Checks a backup from the content its writer archived, without reading the written file back:
   * the same checks as {@link #check(Path)} on the XML held in memory. A blob's name is taken as
   * its SHA-1 and its size from its source, without reading it: the writer named each blob by the
   * hash it computed, and a video is then not read a third time.
   */
  public static List<PackageFinding> check(ArchiveContent content) {
    MbzCheck c = new MbzCheck();
    c.blobsNamedByWriter = true;
    try {
      for (Map.Entry<String, ArchiveContent.Source> e : content.entries().entrySet()) {
        boolean blob = BLOB.matcher(e.getKey()).matches();
        try (InputStream in = blob ? InputStream.nullInputStream() : e.getValue().open()) {
          if (!c.entry(e.getKey(), false, false, e.getValue().size(), in)) {
            return Collections.unmodifiableList(c.findings);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      c.error("ARCHIVE-UNREADABLE", "", 0, "unreadable content (" + e.getMessage() + ")");
      return Collections.unmodifiableList(c.findings);
    }
    if (c.notEmpty()) {
      c.checkContent();
    }
    return Collections.unmodifiableList(c.findings);
  }

  /**
   * Whether blobs are the writer's, named by the SHA-1 it computed: they are then not re-hashed.
   */
  private boolean blobsNamedByWriter;

  // ---------------------------------------------------------------- reading

  private long total;
  private int count;

  private boolean read(Path archive) {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive))) {
      file.mark(4);
      byte[] head = file.readNBytes(4);
      file.reset();
      if (ArchiveSignatures.isZip(head)) {
        // Moodle restores a backup zipped as well as tarred.
        return readZip(archive);
      }
      InputStream raw =
          ArchiveSignatures.isGzip(head) ? new GzipCompressorInputStream(file, true) : file;
      try (TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          boolean special =
              e.isSymbolicLink()
                  || e.isLink()
                  || e.isCharacterDevice()
                  || e.isBlockDevice()
                  || e.isFIFO();
          if (!entry(e.getName(), special, e.isDirectory(), e.getSize(), tar)) {
            return false;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      error(
          "ARCHIVE-UNREADABLE",
          "",
          0,
          "not a readable gzip'd tar (" + e.getMessage() + "); a .mbz is made by Moodle's backup");
      return false;
    }
    return notEmpty();
  }

  private boolean readZip(Path archive) {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
        try (InputStream in = zip.getInputStream(e)) {
          if (!entry(e.getName(), e.isUnixSymlink(), e.isDirectory(), e.getSize(), in)) {
            return false;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      error("ARCHIVE-UNREADABLE", "", 0, "not a readable zip (" + e.getMessage() + ")");
      return false;
    }
    return notEmpty();
  }

  private boolean notEmpty() {
    if (names.isEmpty()) {
      error("ARCHIVE-UNREADABLE", "", 0, "the archive is empty");
      return false;
    }
    return true;
  }

  /** Takes in one entry; false when the archive must not be read further. */
  private boolean entry(String name, boolean special, boolean directory, long size, InputStream in)
      throws IOException {
    if (++count > MAX_ENTRIES) {
      error("ARCHIVE-LIMIT", "", 0, "more than " + MAX_ENTRIES + " entries");
      return false;
    }
    if (!safeName(name)) {
      return true;
    }
    if (special) {
      error(
          "ARCHIVE-LINK",
          name,
          0,
          "links and devices are refused in a backup; it must hold plain files");
      return true;
    }
    if (directory) {
      return true;
    }
    String path = name.startsWith("./") ? name.substring(2) : name;
    if (!names.add(path)) {
      error("ARCHIVE-DUPLICATE", path, 0, "the entry is in the archive twice");
      return true;
    }
    var blob = BLOB.matcher(path);
    if (blob.matches() && blobsNamedByWriter) {
      total += Math.max(0, size);
      blobSizes.put(blob.group(2), size);
      if (!blob.group(1).equals(blob.group(2).substring(0, 2))) {
        error("MBZ-FILE-PATH", path, 0, "a blob lives in files/<first two hex of its SHA-1>/");
      }
    } else if (blob.matches()) {
      Digests.Sha1 hashed = Digests.sha1(in);
      String sha1 = hashed.hex();
      total += hashed.size();
      blobSizes.put(blob.group(2), hashed.size());
      if (!sha1.equals(blob.group(2))) {
        error(
            "MBZ-FILE-SHA1",
            path,
            0,
            "the content's SHA-1 is "
                + sha1
                + ", not its name; restore would serve another file's content under this name");
      } else if (!blob.group(1).equals(sha1.substring(0, 2))) {
        error("MBZ-FILE-PATH", path, 0, "a blob lives in files/<first two hex of its SHA-1>/");
      }
    } else if (path.endsWith(".xml")) {
      if (size > MAX_XML_BYTES) {
        error("ARCHIVE-LIMIT", path, 0, "the XML file is too big to be real");
        return true;
      }
      byte[] bytes = in.readNBytes((int) MAX_XML_BYTES + 1);
      total += bytes.length;
      if (bytes.length > MAX_XML_BYTES) {
        error("ARCHIVE-LIMIT", path, 0, "the XML file is too big to be real");
        return true;
      }
      xml.put(path, bytes);
    } else {
      total += Math.max(0, size);
    }
    if (total > MAX_TOTAL_BYTES) {
      error("ARCHIVE-LIMIT", "", 0, "more than 20 GB once unpacked");
      return false;
    }
    return true;
  }

  private boolean safeName(String name) {
    String problem = EntryNames.problem(name);
    if (problem != null) {
      error(
          "ARCHIVE-UNSAFE-NAME",
          EntryNames.shown(name),
          0,
          problem + "; such an entry could be written outside the folder it is unpacked into");
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- content

  private SafeXml.Element xml(String path) {
    if (parsed.containsKey(path)) {
      return parsed.get(path);
    }
    byte[] bytes = xml.get(path);
    SafeXml.Element root = null;
    if (bytes != null) {
      try {
        root = SafeXml.parse(bytes);
      } catch (SafeXml.Malformed e) {
        error("MBZ-XML-MALFORMED", path, e.line, e.getMessage());
      }
    }
    parsed.put(path, root);
    return root;
  }

  private void checkContent() {
    for (String f : ROOT_FILES) {
      required(f);
    }
    for (String path : xml.keySet()) {
      xml(path);
    }
    SafeXml.Element backup = xml("moodle_backup.xml");
    if (backup == null) {
      return;
    }
    SafeXml.Element info = backup.child("information");
    if (info == null) {
      error("MBZ-INFO-MISSING", "moodle_backup.xml", backup.line, "no <information> element");
      return;
    }
    version(info);
    SafeXml.Element contents = info.child("contents");
    if (contents == null) {
      error("MBZ-INFO-MISSING", "moodle_backup.xml", info.line, "no <contents> element");
      return;
    }
    boolean isCourse = contents.child("course") != null;
    if (isCourse) {
      for (String f : COURSE_FILES) {
        required(f);
      }
    }
    Map<String, SafeXml.Element> sectionsById = sections(contents);
    Map<String, Activity> activities = activities(contents, sectionsById);
    settings(info, activities.keySet());
    files(activities);
    questions(activities);
  }

  private void required(String path) {
    if (!names.contains(path)) {
      error("MBZ-FILE-REQUIRED", path, 0, "missing; Moodle's restore needs it (it may be empty)");
    }
  }

  private void version(SafeXml.Element info) {
    String release = text(info, "backup_release");
    String moodleVersion = text(info, "moodle_version");
    String backupVersion = text(info, "backup_version");
    int line = info.child("backup_release") == null ? info.line : info.child("backup_release").line;
    if (compareRelease(release, "4.0") < 0 || number(moodleVersion, 8) < 20220202) {
      error(
          "MBZ-VERSION-PRE40",
          "moodle_backup.xml",
          line,
          "backup_release '"
              + release
              + "' / moodle_version '"
              + moodleVersion
              + "' declare a format older than 4.0: restore would read the question bank the"
              + " pre-4.0 way and lose it; declare release 4.1 and version 2022112800");
    }
    if (number(backupVersion, 10) < 2010072300L) {
      error(
          "MBZ-VERSION-INVALID",
          "moodle_backup.xml",
          line,
          "backup_version '" + backupVersion + "' is not a Moodle 2+ backup version");
    }
  }

  private static int compareRelease(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? number(x[i], 9) : 0;
      long q = i < y.length ? number(y[i], 9) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  /** The leading digits of {@code s}, at most {@code digits} of them, or -1. */
  private static long number(String s, int digits) {
    String d = s.strip().replaceAll("^(\\d{1," + digits + "}).*$", "$1");
    return d.matches("\\d+") ? Long.parseLong(d) : -1;
  }

  private static String text(SafeXml.Element e, String child) {
    SafeXml.Element c = e == null ? null : e.child(child);
    return c == null ? "" : c.text();
  }

  private Map<String, SafeXml.Element> sections(SafeXml.Element contents) {
    Map<String, SafeXml.Element> out = new LinkedHashMap<>();
    SafeXml.Element list = contents.child("sections");
    if (list == null) {
      return out;
    }
    for (SafeXml.Element s : list.children("section")) {
      String id = text(s, "sectionid");
      String dir = text(s, "directory");
      out.put(id, s);
      if (text(s, "title").isEmpty()) {
        warning(
            "MBZ-SECTION-TITLE",
            "moodle_backup.xml",
            s.line,
            "section " + id + " has no <title>; restore logs « Section title missing »");
      }
      if (!names.contains(dir + "/section.xml")) {
        error(
            "MBZ-SECTION-MISSING",
            "moodle_backup.xml",
            s.line,
            "section " + id + ": " + dir + "/section.xml is not in the archive");
        continue;
      }
      SafeXml.Element section = xml(dir + "/section.xml");
      if (section != null && !id.equals(section.attr("id"))) {
        error(
            "MBZ-SECTION-ID",
            dir + "/section.xml",
            section.line,
            "the section's id is " + section.attr("id") + ", moodle_backup.xml says " + id);
      }
    }
    return out;
  }

  /** An activity as moodle_backup.xml lists it, with what its own files say. */
  private record Activity(String modname, String directory, String contextId) {}

  private Map<String, Activity> activities(
      SafeXml.Element contents, Map<String, SafeXml.Element> sections) {
    Map<String, Activity> out = new LinkedHashMap<>();
    SafeXml.Element list = contents.child("activities");
    if (list == null) {
      return out;
    }
    Set<String> contexts = new HashSet<>();
    for (SafeXml.Element a : list.children("activity")) {
      String cmid = text(a, "moduleid");
      String modname = text(a, "modulename");
      String dir = text(a, "directory");
      String key = modname + "_" + cmid;
      if (!dir.equals("activities/" + key)) {
        error(
            "MBZ-ACTIVITY-DIRECTORY",
            "moodle_backup.xml",
            a.line,
            "activity " + key + " is in '" + dir + "'; restore expects activities/" + key);
      }
      if (!sections.containsKey(text(a, "sectionid"))) {
        error(
            "MBZ-ACTIVITY-SECTION",
            "moodle_backup.xml",
            a.line,
            "activity " + key + " is in section " + text(a, "sectionid") + ", which is not listed");
      }
      for (String f : ACTIVITY_FILES) {
        required(dir + "/" + f);
      }
      required(dir + "/" + modname + ".xml");
      String contextId = "";
      SafeXml.Element module = xml(dir + "/module.xml");
      if (module != null
          && (!cmid.equals(module.attr("id")) || !modname.equals(text(module, "modulename")))) {
        error(
            "MBZ-MODULE-ID",
            dir + "/module.xml",
            module.line,
            "module.xml describes "
                + text(module, "modulename")
                + " "
                + module.attr("id")
                + ", moodle_backup.xml "
                + key);
      }
      SafeXml.Element activity = xml(dir + "/" + modname + ".xml");
      if (activity != null) {
        contextId = activity.attr("contextid") == null ? "" : activity.attr("contextid");
        if (contextId.isEmpty() || !contexts.add(contextId)) {
          error(
              "MBZ-ACTIVITY-CONTEXT",
              dir + "/" + modname + ".xml",
              activity.line,
              contextId.isEmpty()
                  ? "the activity has no contextid"
                  : "contextid " + contextId + " is used by another activity too");
        }
      }
      out.put(key, new Activity(modname, dir, contextId));
    }
    return out;
  }

  private void settings(SafeXml.Element info, Set<String> activities) {
    SafeXml.Element settings = info.child("settings");
    if (settings == null) {
      error("MBZ-SETTINGS-MISSING", "moodle_backup.xml", info.line, "no <settings> element");
      return;
    }
    Set<String> included = new HashSet<>();
    for (SafeXml.Element s : settings.children("setting")) {
      String name = text(s, "name");
      String level = text(s, "level");
      if (level.equals("activity")) {
        String key = text(s, "activity");
        if (!activities.contains(key)) {
          error(
              "MBZ-SETTINGS-ACTIVITY",
              "moodle_backup.xml",
              s.line,
              "setting " + name + " names activity " + key + ", which <contents> does not list");
        }
        if (name.equals(key + "_included") && text(s, "value").equals("1")) {
          included.add(key);
        }
      }
    }
    for (String key : activities) {
      if (!included.contains(key)) {
        error(
            "MBZ-SETTINGS-ACTIVITY",
            "moodle_backup.xml",
            settings.line,
            "no setting " + key + "_included with value 1: restore leaves the activity out");
      }
    }
  }

  private void files(Map<String, Activity> activities) {
    SafeXml.Element files = xml("files.xml");
    if (files == null) {
      return;
    }
    Map<String, Activity> byContext = new HashMap<>();
    for (Activity a : activities.values()) {
      byContext.put(a.contextId(), a);
    }
    String courseContext = "";
    SafeXml.Element course = xml("course/course.xml");
    if (course != null && course.attr("contextid") != null) {
      courseContext = course.attr("contextid");
    }
    Map<String, Set<String>> inforefFiles = new HashMap<>();
    Set<String> fileIds = new HashSet<>();
    for (Activity a : activities.values()) {
      inforefFiles.put(a.contextId(), refs(a.directory() + "/inforef.xml", "fileref", "file"));
    }
    for (SafeXml.Element f : files.children("file")) {
      String id = f.attr("id");
      fileIds.add(id);
      String hash = text(f, "contenthash");
      String context = text(f, "contextid");
      String name = text(f, "filename");
      Activity owner = byContext.get(context);
      if (owner == null && !context.equals(courseContext)) {
        error(
            "MBZ-FILE-CONTEXT",
            "files.xml",
            f.line,
            "file "
                + id
                + " ("
                + name
                + ") is in context "
                + context
                + ", which is neither the course's nor an activity's: restore drops it");
      } else if (owner != null && !inforefFiles.get(context).contains(id)) {
        error(
            "MBZ-FILE-INFOREF",
            "files.xml",
            f.line,
            "file "
                + id
                + " ("
                + name
                + ") is not listed in "
                + owner.directory()
                + "/inforef.xml: restore drops it");
      }
      if (!name.equals(".") && !hash.isEmpty()) {
        Long size = blobSizes.get(hash);
        if (size == null) {
          error(
              "MBZ-FILE-BLOB-MISSING",
              "files.xml",
              f.line,
              "file "
                  + id
                  + " ("
                  + name
                  + "): files/"
                  + hash.substring(0, Math.min(2, hash.length()))
                  + "/"
                  + hash
                  + " is not in the archive");
        } else if (!String.valueOf(size).equals(text(f, "filesize"))) {
          warning(
              "MBZ-FILE-SIZE",
              "files.xml",
              f.line,
              "file "
                  + id
                  + " ("
                  + name
                  + ") says "
                  + text(f, "filesize")
                  + " bytes, its blob has "
                  + size);
        }
      }
    }
    for (Activity a : activities.values()) {
      for (String id : inforefFiles.get(a.contextId())) {
        if (!fileIds.contains(id)) {
          error(
              "MBZ-INFOREF-DANGLING",
              a.directory() + "/inforef.xml",
              0,
              "file " + id + " is not in files.xml");
        }
      }
    }
  }

  private Set<String> refs(String inforef, String list, String item) {
    Set<String> out = new HashSet<>();
    SafeXml.Element root = xml(inforef);
    if (root == null) {
      return out;
    }
    for (SafeXml.Element l : root.children(list)) {
      for (SafeXml.Element i : l.children(item)) {
        out.add(text(i, "id"));
      }
    }
    return out;
  }

  /** A category of questions.xml: its context, parent and the entries a random slot can draw. */
  private record Category(String contextId, String parent, Set<String> drawable) {}

  private void questions(Map<String, Activity> activities) {
    SafeXml.Element bank = xml("questions.xml");
    Set<String> referenced =
        new HashSet<>(refs("course/inforef.xml", "question_categoryref", "question_category"));
    for (Activity a : activities.values()) {
      referenced.addAll(
          refs(a.directory() + "/inforef.xml", "question_categoryref", "question_category"));
    }
    // A random slot on an unreferenced category gets its own finding, which says what the slot
    // then does; the bank's finding would tell the same story twice.
    Set<String> drawnFrom = new HashSet<>();
    for (Activity a : activities.values()) {
      SafeXml.Element quiz = a.modname().equals("quiz") ? xml(a.directory() + "/quiz.xml") : null;
      if (quiz != null) {
        for (SafeXml.Element set : quiz.descendants("question_set_reference")) {
          RandomFilter.read(text(set, "filtercondition"))
              .filter()
              .ifPresent(f -> drawnFrom.add(f.categoryId()));
        }
      }
    }
    Map<String, String> entryCategory = new HashMap<>();
    Map<String, Category> categories = new HashMap<>();
    if (bank != null) {
      for (SafeXml.Element c : bank.children("question_category")) {
        String id = c.attr("id");
        if (text(c, "stamp").isEmpty()) {
          error(
              "MBZ-QUESTION-STAMP",
              "questions.xml",
              c.line,
              "category " + id + " has no stamp; restore fails inserting it");
        }
        SafeXml.Element entries = c.child("question_bank_entries");
        List<SafeXml.Element> list =
            entries == null ? List.of() : entries.children("question_bank_entry");
        if (!list.isEmpty() && !referenced.contains(id) && !drawnFrom.contains(id)) {
          error(
              "MBZ-QUESTION-CATEGORY-UNREFERENCED",
              "questions.xml",
              c.line,
              "category "
                  + id
                  + " holds "
                  + list.size()
                  + " questions but no inforef.xml lists it: restore skips them");
        }
        Set<String> drawable = new HashSet<>();
        for (SafeXml.Element entry : list) {
          entryCategory.put(entry.attr("id"), id);
          for (SafeXml.Element q : entry.descendants("question")) {
            question(q);
          }
          if (drawable(entry)) {
            drawable.add(entry.attr("id"));
          }
        }
        categories.put(id, new Category(text(c, "contextid"), text(c, "parent"), drawable));
      }
    }
    for (Activity a : activities.values()) {
      if (!a.modname().equals("quiz")) {
        if (a.modname().equals("scorm")) {
          scorm(a);
        }
        continue;
      }
      SafeXml.Element quiz = xml(a.directory() + "/quiz.xml");
      if (quiz == null) {
        continue;
      }
      Set<String> fixedEntries = new HashSet<>();
      for (SafeXml.Element ref : quiz.descendants("question_reference")) {
        usingContext(a, ref);
        String entry = text(ref, "questionbankentryid");
        fixedEntries.add(entry);
        if (bank != null && !entryCategory.containsKey(entry)) {
          error(
              "MBZ-QUIZ-ENTRY",
              a.directory() + "/quiz.xml",
              ref.line,
              "question bank entry "
                  + entry
                  + " is not in questions.xml: the slot comes back"
                  + " empty or points at another question");
        }
      }
      if (bank != null) {
        randomSlots(a, quiz, categories, referenced, fixedEntries);
      }
    }
  }

  private void usingContext(Activity a, SafeXml.Element ref) {
    String using = text(ref, "usingcontextid");
    if (!using.equals(a.contextId())) {
      error(
          "MBZ-QUIZ-CONTEXT",
          a.directory() + "/quiz.xml",
          ref.line,
          "usingcontextid "
              + using
              + " is not the quiz's context "
              + a.contextId()
              + ": the slot comes back empty");
    }
  }

  /**
   * The random slots of a quiz: each one's filter, category and contexts, then, per category, that
   * it holds enough questions for the slots that draw from it — attempts fail otherwise, and
   * restore does not say so: no restore step counts the questions a random slot can draw.
   */
  private void randomSlots(
      Activity a,
      SafeXml.Element quiz,
      Map<String, Category> categories,
      Set<String> referenced,
      Set<String> fixedEntries) {
    String file = a.directory() + "/quiz.xml";
    Map<RandomFilter, Integer> slots = new LinkedHashMap<>();
    Map<RandomFilter, Integer> lines = new HashMap<>();
    for (SafeXml.Element set : quiz.descendants("question_set_reference")) {
      usingContext(a, set);
      RandomFilter.Reading reading = RandomFilter.read(text(set, "filtercondition"));
      if (reading.filter().isEmpty()) {
        error(
            "MBZ-QUIZ-RANDOM-FILTER",
            file,
            set.line,
            "the random slot's filtercondition "
                + reading.problem()
                + ": restore cannot tell which category it draws from");
        continue;
      }
      RandomFilter filter = reading.filter().get();
      Category category = categories.get(filter.categoryId());
      if (category != null && !text(set, "questionscontextid").equals(category.contextId())) {
        error(
            "MBZ-QUIZ-RANDOM-CONTEXT",
            file,
            set.line,
            "questionscontextid "
                + text(set, "questionscontextid")
                + " is not the context "
                + category.contextId()
                + " of category "
                + filter.categoryId()
                + ": restore cannot map it, and the slot's question bank is wrong");
      }
      slots.merge(filter, 1, Integer::sum);
      lines.putIfAbsent(filter, set.line);
    }
    for (Map.Entry<RandomFilter, Integer> e : slots.entrySet()) {
      RandomFilter filter = e.getKey();
      int line = lines.get(filter);
      String id = filter.categoryId();
      Category category = categories.get(id);
      if (category == null) {
        error(
            "MBZ-QUIZ-RANDOM-CATEGORY",
            file,
            line,
            "random slots draw from category "
                + id
                + ", which is not in questions.xml: every attempt fails"
                + " (notenoughrandomquestions)");
      } else if (!referenced.contains(id)) {
        error(
            "MBZ-QUIZ-RANDOM-INFOREF",
            file,
            line,
            "random slots draw from category "
                + id
                + ", which no inforef.xml lists: restore skips the category and its questions,"
                + " and leaves the slots on no category or on another one");
      } else {
        Set<String> pool = new HashSet<>();
        for (Map.Entry<String, Category> c : categories.entrySet()) {
          if (c.getKey().equals(id)
              || (filter.subcategories() && under(c.getKey(), id, categories))) {
            pool.addAll(c.getValue().drawable());
          }
        }
        // Moodle never draws a question that a fixed slot of the same quiz already asks.
        pool.removeAll(fixedEntries);
        if (pool.size() < e.getValue()) {
          error(
              "MBZ-QUIZ-RANDOM-POOL",
              file,
              line,
              e.getValue()
                  + " random slots draw from category "
                  + id
                  + (filter.subcategories() ? " and its subcategories" : "")
                  + ", which "
                  + (pool.size() == 1 ? "holds 1 question" : "holds " + pool.size() + " questions")
                  + " they can draw: every attempt fails (notenoughrandomquestions)");
        }
      }
    }
  }

  /** Whether category {@code id} is below {@code ancestor}; parents are followed a bounded time. */
  private static boolean under(String id, String ancestor, Map<String, Category> categories) {
    String at = id;
    for (int depth = 0; depth < 100 && categories.containsKey(at); depth++) {
      at = categories.get(at).parent();
      if (at.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** Qtypes that a random slot never draws (their {@code is_usable_by_random()} is false). */
  private static final Set<String> NOT_DRAWN =
      Set.of("description", "random", "randomsamatch", "missingtype");

  /**
   * Whether a random slot can draw a bank entry: its latest version is ready (not hidden nor a
   * draft) and its question is a top-level one of a type random slots draw.
   */
  private static boolean drawable(SafeXml.Element entry) {
    SafeXml.Element latest = null;
    long latestVersion = -1;
    for (SafeXml.Element v : entry.descendants("question_versions")) {
      long version = number(text(v, "version"), 9);
      if (version > latestVersion) {
        latest = v;
        latestVersion = version;
      }
    }
    if (latest == null || !text(latest, "status").equals("ready")) {
      return false;
    }
    for (SafeXml.Element q : latest.descendants("question")) {
      if (text(q, "parent").equals("0") && !NOT_DRAWN.contains(text(q, "qtype"))) {
        return true;
      }
    }
    return false;
  }

  private void question(SafeXml.Element q) {
    String id = q.attr("id");
    if (text(q, "stamp").isEmpty()) {
      error("MBZ-QUESTION-STAMP", "questions.xml", q.line, "question " + id + " has no stamp");
    }
    if (text(q, "qtype").equals("truefalse")) {
      Set<String> answers = new HashSet<>();
      for (SafeXml.Element a : q.descendants("answer")) {
        answers.add(a.attr("id"));
      }
      for (SafeXml.Element tf : q.descendants("truefalse")) {
        for (String which : List.of("trueanswer", "falseanswer")) {
          if (!answers.contains(text(tf, which))) {
            error(
                "MBZ-TRUEFALSE-ANSWER",
                "questions.xml",
                tf.line,
                "question "
                    + id
                    + ": "
                    + which
                    + " "
                    + text(tf, which)
                    + " is not one of its answers");
          }
        }
      }
    }
  }

  private void scorm(Activity a) {
    SafeXml.Element scorm = xml(a.directory() + "/scorm.xml");
    if (scorm == null) {
      return;
    }
    SafeXml.Element s = scorm.child("scorm");
    if (s == null) {
      return;
    }
    Set<String> scoIds = new HashSet<>();
    for (SafeXml.Element sco : s.descendants("sco")) {
      scoIds.add(sco.attr("id"));
    }
    String updatefreq = text(s, "updatefreq");
    if (scoIds.isEmpty() && (updatefreq.isEmpty() || updatefreq.equals("0"))) {
      error(
          "MBZ-SCORM-UNPARSED",
          a.directory() + "/scorm.xml",
          s.line,
          "the SCORM activity has no <scoes> and updatefreq 0: restore does not parse the"
              + " package, so the activity has nothing to play");
    } else if (!scoIds.isEmpty() && !scoIds.contains(text(s, "launch"))) {
      error(
          "MBZ-SCORM-LAUNCH",
          a.directory() + "/scorm.xml",
          s.line,
          "launch " + text(s, "launch") + " is not one of the activity's SCOs");
    }
  }

  private void error(String rule, String entry, int line, String message) {
    findings.add(new PackageFinding(Severity.ERROR, rule, entry, line, message));
  }

  private void warning(String rule, String entry, int line, String message) {
    findings.add(new PackageFinding(Severity.WARNING, rule, entry, line, message));
  }
}
