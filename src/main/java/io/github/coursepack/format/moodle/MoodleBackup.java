package io.github.coursepack.format.moodle;

import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.Digests;
import io.github.coursepack.io.XmlOut;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.LocalMedia;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.Html;
import io.github.coursepack.quiz.QuestionNames;
import io.github.coursepack.render.UnitPage;
import io.github.coursepack.render.UnitTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The content of a Moodle course backup ({@code .mbz}) for a course: the topics format, section 0
 * presenting the course, then per unit a section holding a page (video, transcript, credits), a
 * quiz of native questions from the unit's own question category and, on request, a SCORM activity
 * with its package already parsed. A quiz whose bank is larger than an attempt has random slots on
 * that category, so that a retry asks other questions; otherwise one fixed slot per question.
 *
 * <p>The backup declares the Moodle 4.1 format (M@gistère's), which 4.1 and every later version
 * restore (reference/README.md, PITFALLS 12). Elements that only later versions write are left out;
 * restore gives them their defaults. No users, no logs. Completion: a page is complete when viewed,
 * a quiz when passed (grade to pass = the course's pass mark).
 *
 * <p>Usage: {@code ArchiveContent mbz = MoodleBackup.build(course, template, options);}
 */
public final class MoodleBackup {

  /** How Moodle writes SQL NULL in a backup. */
  static final String NULL = "$@NULL@$";

  /** The 4.1 backup format: {@code $CFG->backup_version} and release of Moodle 4.1. */
  static final String BACKUP_VERSION = "2022112800";

  static final String BACKUP_RELEASE = "4.1";

  /** Plugin versions of Moodle 4.1.0, written in module.xml as a 4.1 site would. */
  static final String MODULE_VERSION = "2022112800";

  /**
   * The zone of a course's {@code startDate}: midnight in Paris, what a French site shows as the
   * day itself (Moodle's course form defaults to midnight in the user's zone). A zone, not the
   * build machine's, so that the backup is the same wherever it is built.
   */
  static final java.time.ZoneId START_ZONE = java.time.ZoneId.of("Europe/Paris");

  /** The quiz's maximum grade: 100, so that the grade to pass reads as the pass mark. */
  static final int QUIZ_GRADE = 100;

  /** Review options: shown during, right after, later while open and after close (69904). */
  static final String REVIEW_ALL = "69904";

  /** Overall feedback cannot be shown during an attempt (4368). */
  static final String REVIEW_OVERALL = "4368";

  /**
   * Options of a backup.
   *
   * @param time the timestamp written everywhere (and the course start date when the course has
   *     none)
   * @param scorm per unit, the unit's SCORM package to add as a SCORM activity, or empty
   * @param fileName the name the backup file will have, recorded in moodle_backup.xml
   */
  public record Options(long time, List<Optional<ScormActivity>> scorm, String fileName) {
    public Options {
      scorm = List.copyOf(scorm);
    }
  }

  private final Course course;
  private final UnitTemplate template;
  private final Options options;
  private final ArchiveContent archive = new ArchiveContent();
  private final BackupIds ids = new BackupIds();
  private final BackupFiles files;
  private final String time;
  private final String startDate;

  private final List<Section> sections = new ArrayList<>();
  private final List<Activity> activities = new ArrayList<>();
  private final List<Category> categories = new ArrayList<>();
  private final int courseGradeCategory;
  private final int courseGradeItem;

  /** A section of the course. */
  record Section(int id, int number, String name, String summary, List<Activity> activities) {}

  /** A course module. */
  record Activity(
      int cmid, String modname, int instance, int contextId, Section section, String title) {
    String directory() {
      return "activities/" + modname + "_" + cmid;
    }
  }

  /** A question category; {@code questions} is empty for the top and course categories. */
  record Category(
      int id, String name, String info, int parent, String stamp, List<BankQuestion> questions) {}

  /** A question in the bank: its entry, version and question rows share one number. */
  record BankQuestion(int id, Question question, String name) {}

  private MoodleBackup(Course course, UnitTemplate template, Options options) {
    this.course = course;
    this.template = template;
    this.options = options;
    this.files = new BackupFiles(archive, ids, options.time());
    this.time = String.valueOf(options.time());
    this.startDate = String.valueOf(startDate(course, options.time()));
    this.courseGradeCategory = ids.next("grade_category");
    this.courseGradeItem = ids.next("grade_item");
  }

  /**
   * The course start, in seconds since 1970: {@code startDate} of course.yaml at midnight in Paris,
   * else the build's fixed timestamp.
   */
  static long startDate(Course course, long time) {
    return course.startDate().map(d -> d.atStartOfDay(START_ZONE).toEpochSecond()).orElse(time);
  }

  /** The files of the backup, by path. */
  public static ArchiveContent build(Course course, UnitTemplate template, Options options) {
    if (options.scorm().size() != course.units().size()) {
      throw new IllegalArgumentException("one SCORM option per unit");
    }
    MoodleBackup b = new MoodleBackup(course, template, options);
    b.write();
    return b.archive;
  }

  private void write() {
    int top = ids.next("question_category");
    categories.add(
        new Category(top, "top", "", 0, stamp("category", course.shortname(), "top"), List.of()));
    int courseCategory = ids.next("question_category");
    categories.add(
        new Category(
            courseCategory,
            course.title(),
            "Questions du parcours « " + course.title() + " », par unité.",
            top,
            stamp("category", course.shortname()),
            List.of()));

    Section intro = section(0, "", introSummary());
    sections.add(intro);
    for (int i = 0; i < course.units().size(); i++) {
      Unit unit = course.units().get(i);
      Section s =
          section(i + 1, unit.title(), Html.paragraph(unit.description()).replace("\n", " "));
      sections.add(s);
      page(s, unit);
      if (!unit.quiz().isEmpty()) {
        Category category = unitCategory(unit, courseCategory);
        categories.add(category);
        quiz(s, unit, category, top, courseCategory);
      }
      Optional<ScormActivity> scorm = options.scorm().get(i);
      if (scorm.isPresent()) {
        scorm(s, unit, scorm.get());
      }
    }
    for (Section s : sections) {
      sectionFiles(s);
    }
    courseFiles();
    archive.add("questions.xml", QuestionBankXml.write(categories, options.time()));
    archive.add("files.xml", files.xml());
    archive.add("moodle_backup.xml", moodleBackup());
  }

  private Section section(int number, String name, String summary) {
    return new Section(ids.next("section"), number, name, summary, new ArrayList<>());
  }

  private Activity activity(Section section, String modname, String title) {
    Activity a =
        new Activity(
            ids.next("course_module"),
            modname,
            ids.next(modname),
            ids.next("context"),
            section,
            title);
    section.activities().add(a);
    activities.add(a);
    return a;
  }

  // ---------------------------------------------------------------- course and sections

  /** The course summary of course.yaml, paragraph by paragraph. */
  private String courseSummary() {
    StringBuilder html = new StringBuilder();
    for (String paragraph : course.summary().strip().split("\\n\\s*\\n")) {
      html.append(Html.paragraph(paragraph.strip().replaceAll("\\s+", " ")));
    }
    return html.toString();
  }

  /** Section 0: the course summary, the units, how completion works, the licence. */
  private String introSummary() {
    StringBuilder html = new StringBuilder(courseSummary());
    if (!course.units().isEmpty()) {
      html.append("<p>Ce parcours comprend ")
          .append(course.units().size() == 1 ? "une unité" : course.units().size() + " unités")
          .append(" : une vidéo avec sa transcription, puis un quiz sur le rôle de chacun.</p>");
      html.append("<ol>");
      for (Unit unit : course.units()) {
        html.append("<li>").append(Html.escape(unit.title())).append("</li>");
      }
      html.append("</ol>");
      html.append(
              "<p>Une vidéo est terminée quand vous l’avez ouverte ; un quiz, quand vous l’avez réussi"
                  + " (")
          .append(course.passMark())
          .append(
              " % de bonnes réponses). Vous pouvez refaire un quiz autant de fois que vous"
                  + " le voulez.</p>");
    }
    course
        .licence()
        .ifPresent(
            l ->
                html.append("<p>Licence : ")
                    .append(
                        l.url()
                            .map(
                                u ->
                                    "<a href=\""
                                        + Html.escape(u.toString())
                                        + "\">"
                                        + Html.escape(l.name())
                                        + "</a>")
                            .orElse(Html.escape(l.name())))
                    .append("</p>"));
    return html.toString();
  }

  private void courseFiles() {
    XmlOut c = new XmlOut();
    c.start(
        "course",
        "id",
        String.valueOf(BackupIds.COURSE),
        "contextid",
        String.valueOf(BackupIds.COURSE_CONTEXT));
    c.leaf("shortname", course.shortname());
    c.leaf("fullname", course.title());
    c.leaf("idnumber", "");
    c.leaf("summary", courseSummary());
    c.leaf("summaryformat", "1");
    c.leaf("format", "topics");
    c.leaf("showgrades", "1");
    c.leaf("newsitems", "0");
    c.leaf("startdate", startDate);
    c.leaf("enddate", "0");
    c.leaf("marker", "0");
    c.leaf("maxbytes", "0");
    c.leaf("legacyfiles", "0");
    c.leaf("showreports", "0");
    c.leaf("visible", "1");
    c.leaf("groupmode", "0");
    c.leaf("groupmodeforce", "0");
    c.leaf("defaultgroupingid", "0");
    c.leaf("lang", "");
    c.leaf("theme", "");
    c.leaf("timecreated", time);
    c.leaf("timemodified", time);
    c.leaf("requested", "0");
    c.leaf("showactivitydates", "1");
    c.leaf("showcompletionconditions", "1");
    c.leaf("enablecompletion", "1");
    c.leaf("completionnotify", "0");
    c.start("category", "id", "1").leaf("name", "Miscellaneous").leaf("description", NULL).end();
    c.start("tags").end();
    c.start("customfields").end();
    c.start("courseformatoptions");
    formatOption(c, "hiddensections", "1");
    formatOption(c, "coursedisplay", "0");
    c.end();
    archive.add("course/course.xml", c.end().toBytes());

    XmlOut inforef = new XmlOut().start("inforef");
    inforef.start("roleref").start("role").leaf("id", "5").end().end();
    inforef.start("question_categoryref");
    for (Category cat : categories) {
      inforef.start("question_category").leaf("id", String.valueOf(cat.id())).end();
    }
    inforef.end();
    archive.add("course/inforef.xml", inforef.end().toBytes());
    archive.add("course/enrolments.xml", enrolments());
    archive.add("course/roles.xml", emptyRoles());
    archive.add("course/calendar.xml", emptyRoot("events"));
    archive.add("course/filters.xml", emptyFilters());
    archive.add("course/contentbank.xml", emptyRoot("contents"));
    archive.add("course/completiondefaults.xml", emptyRoot("course_completion_defaults"));
    archive.add(
        "course/competencies.xml",
        new XmlOut()
            .start("course_competencies")
            .start("competencies")
            .end()
            .start("user_competencies")
            .end()
            .end()
            .toBytes());

    XmlOut roles = new XmlOut().start("roles_definition");
    roles.start("role", "id", "5");
    roles.leaf("name", "");
    roles.leaf("shortname", "student");
    roles.leaf("nameincourse", NULL);
    roles.leaf("description", "");
    roles.leaf("sortorder", "5");
    roles.leaf("archetype", "student");
    roles.end();
    archive.add("roles.xml", roles.end().toBytes());
    archive.add("groups.xml", emptyRoot("groups"));
    archive.add("outcomes.xml", emptyRoot("outcomes_definition"));
    archive.add("scales.xml", emptyRoot("scales_definition"));
    archive.add("completion.xml", emptyRoot("course_completion"));
    archive.add(
        "grade_history.xml",
        new XmlOut().start("grade_history").start("grade_grades").end().end().toBytes());
    archive.add("gradebook.xml", gradebook());
  }

  private static void formatOption(XmlOut c, String name, String value) {
    c.start("courseformatoption")
        .leaf("format", "topics")
        .leaf("sectionid", "0")
        .leaf("name", name)
        .leaf("value", value)
        .end();
  }

  /** One manual enrolment method (students), which restore turns into the new course's. */
  private byte[] enrolments() {
    XmlOut x = new XmlOut().start("enrolments").start("enrols");
    x.start("enrol", "id", "1");
    x.leaf("enrol", "manual");
    x.leaf("status", "0");
    x.leaf("name", NULL);
    x.leaf("enrolperiod", "0");
    x.leaf("enrolstartdate", "0");
    x.leaf("enrolenddate", "0");
    x.leaf("expirynotify", "0");
    x.leaf("expirythreshold", "86400");
    x.leaf("notifyall", "0");
    x.leaf("password", NULL);
    x.leaf("cost", NULL);
    x.leaf("currency", NULL);
    x.leaf("roleid", "5");
    for (int i = 1; i <= 8; i++) {
      x.leaf("customint" + i, i == 1 ? "1" : NULL);
    }
    for (String f :
        List.of(
            "customchar1",
            "customchar2",
            "customchar3",
            "customdec1",
            "customdec2",
            "customtext1",
            "customtext2",
            "customtext3",
            "customtext4")) {
      x.leaf(f, NULL);
    }
    x.leaf("timecreated", time);
    x.leaf("timemodified", time);
    x.start("user_enrolments").end();
    x.end();
    return x.end().end().toBytes();
  }

  private byte[] gradebook() {
    XmlOut x = new XmlOut().start("gradebook");
    x.start("attributes").end();
    x.start("grade_categories");
    x.start("grade_category", "id", String.valueOf(courseGradeCategory));
    x.leaf("parent", NULL);
    x.leaf("depth", "1");
    x.leaf("path", "/" + courseGradeCategory + "/");
    x.leaf("fullname", "?");
    x.leaf("aggregation", "13");
    x.leaf("keephigh", "0");
    x.leaf("droplow", "0");
    x.leaf("aggregateonlygraded", "1");
    x.leaf("aggregateoutcomes", "0");
    x.leaf("timecreated", time);
    x.leaf("timemodified", time);
    x.leaf("hidden", "0");
    x.end();
    x.end();
    x.start("grade_items");
    gradeItem(x, courseGradeItem, NULL, NULL, "course", NULL, courseGradeCategory, NULL, 100, 0, 1);
    x.end();
    x.start("grade_letters").end();
    x.start("grade_settings");
    x.start("grade_setting", "id", "");
    x.leaf("name", "minmaxtouse").leaf("value", "1");
    x.end();
    x.end();
    return x.end().toBytes();
  }

  /** grades.xml of a graded activity: its one grade item, in the course's grade category. */
  private byte[] activityGrades(Activity a, int gradeItem, int max, int pass) {
    XmlOut grades = new XmlOut().start("activity_gradebook").start("grade_items");
    gradeItem(
        grades,
        gradeItem,
        String.valueOf(courseGradeCategory),
        a.title(),
        "mod",
        a.modname(),
        a.instance(),
        "0",
        max,
        pass,
        gradeItem);
    grades.end().start("grade_letters").end();
    return grades.end().toBytes();
  }

  /** A grade_item row; {@code categoryId} is the category it belongs to or, for course, is. */
  private void gradeItem(
      XmlOut x,
      int id,
      String categoryId,
      String itemName,
      String itemType,
      String itemModule,
      int instance,
      String itemNumber,
      int gradeMax,
      int gradePass,
      int sortOrder) {
    x.start("grade_item", "id", String.valueOf(id));
    x.leaf("categoryid", categoryId);
    x.leaf("itemname", itemName);
    x.leaf("itemtype", itemType);
    x.leaf("itemmodule", itemModule);
    x.leaf("iteminstance", String.valueOf(instance));
    x.leaf("itemnumber", itemNumber);
    x.leaf("iteminfo", NULL);
    x.leaf("idnumber", itemType.equals("course") ? NULL : "");
    x.leaf("calculation", NULL);
    x.leaf("gradetype", "1");
    x.leaf("grademax", gradeMax + ".00000");
    x.leaf("grademin", "0.00000");
    x.leaf("scaleid", NULL);
    x.leaf("outcomeid", NULL);
    x.leaf("gradepass", gradePass + ".00000");
    x.leaf("multfactor", "1.00000");
    x.leaf("plusfactor", "0.00000");
    x.leaf("aggregationcoef", "0.00000");
    x.leaf("aggregationcoef2", "0.00000");
    x.leaf("weightoverride", "0");
    x.leaf("sortorder", String.valueOf(sortOrder));
    x.leaf("display", "0");
    x.leaf("decimals", NULL);
    x.leaf("hidden", "0");
    x.leaf("locked", "0");
    x.leaf("locktime", "0");
    x.leaf("needsupdate", "0");
    x.leaf("timecreated", time);
    x.leaf("timemodified", time);
    x.start("grade_grades").end();
    x.end();
  }

  private void sectionFiles(Section s) {
    XmlOut x = new XmlOut();
    x.start("section", "id", String.valueOf(s.id()));
    x.leaf("number", String.valueOf(s.number()));
    x.leaf("name", s.number() == 0 ? NULL : s.name());
    x.leaf("summary", s.summary());
    x.leaf("summaryformat", "1");
    x.leaf(
        "sequence",
        String.join(",", s.activities().stream().map(a -> String.valueOf(a.cmid())).toList()));
    x.leaf("visible", "1");
    x.leaf("availabilityjson", NULL);
    x.leaf("timemodified", time);
    String dir = "sections/section_" + s.id() + "/";
    archive.add(dir + "section.xml", x.end().toBytes());
    archive.add(dir + "inforef.xml", emptyRoot("inforef"));
  }

  // ---------------------------------------------------------------- activities

  private void page(Section s, Unit unit) {
    Activity a = activity(s, "page", unit.title());
    Optional<LocalMedia> media = unit.video().flatMap(v -> v.local());
    media.ifPresent(
        m ->
            // Where the page's HTML looks for it: @@PLUGINFILE@@/ + UnitPage.mediaPath.
            files.addPath(
                a.contextId(),
                "mod_page",
                "content",
                UnitPage.mediaPath(m.name()),
                new ArchiveContent.FileSource(m.source()),
                m.mimeType()));
    XmlOut x = activityStart(a);
    x.start("page", "id", String.valueOf(a.instance()));
    x.leaf("name", a.title());
    x.leaf("intro", Html.paragraph(unit.description()));
    x.leaf("introformat", "1");
    x.leaf("content", UnitPage.renderMoodlePage(template, course, unit));
    x.leaf("contentformat", "1");
    x.leaf("legacyfiles", "0");
    x.leaf("legacyfileslast", NULL);
    x.leaf("display", "5");
    x.leaf("displayoptions", "a:2:{s:10:\"printintro\";i:0;s:17:\"printlastmodified\";i:0;}");
    x.leaf("revision", "1");
    x.leaf("timemodified", time);
    x.end();
    archive.add(a.directory() + "/page.xml", x.end().toBytes());
    moduleFiles(a, Completion.VIEW, List.of(), List.of(), noGrades());
  }

  private void quiz(Section s, Unit unit, Category category, int top, int courseCategory) {
    Activity a = activity(s, "quiz", "Quiz : " + unit.title());
    int gradeItem = ids.next("grade_item");
    Quiz quiz = unit.quiz();
    // A quiz that draws asks drawCount questions per attempt, each from a random slot on the
    // unit's category; one that does not asks its whole bank (drawCount is then its size), in
    // blueprint order.
    int asked = quiz.drawCount();
    XmlOut x = activityStart(a);
    x.start("quiz", "id", String.valueOf(a.instance()));
    x.leaf("name", a.title());
    x.leaf("intro", quizIntro(quiz, category.questions().size()));
    x.leaf("introformat", "1");
    x.leaf("timeopen", "0");
    x.leaf("timeclose", "0");
    x.leaf("timelimit", "0");
    x.leaf("overduehandling", "autosubmit");
    x.leaf("graceperiod", "0");
    x.leaf("preferredbehaviour", "deferredfeedback");
    x.leaf("canredoquestions", "0");
    x.leaf("attempts_number", "0");
    x.leaf("attemptonlast", "0");
    x.leaf("grademethod", "1");
    x.leaf("decimalpoints", "0");
    x.leaf("questiondecimalpoints", "-1");
    x.leaf("reviewattempt", REVIEW_ALL);
    x.leaf("reviewcorrectness", REVIEW_ALL);
    x.leaf("reviewmarks", REVIEW_ALL);
    x.leaf("reviewspecificfeedback", REVIEW_ALL);
    x.leaf("reviewgeneralfeedback", REVIEW_ALL);
    x.leaf("reviewrightanswer", REVIEW_ALL);
    x.leaf("reviewoverallfeedback", REVIEW_OVERALL);
    x.leaf("questionsperpage", "0");
    x.leaf("navmethod", "free");
    x.leaf("shuffleanswers", "1");
    // Restore never recomputes sumgrades (the sum of the slots' marks), so it must be right here.
    x.leaf("sumgrades", asked + ".00000");
    x.leaf("grade", QUIZ_GRADE + ".00000");
    x.leaf("timecreated", time);
    x.leaf("timemodified", time);
    x.leaf("password", "");
    x.leaf("subnet", "");
    x.leaf("browsersecurity", "-");
    x.leaf("delay1", "0");
    x.leaf("delay2", "0");
    x.leaf("showuserpicture", "0");
    x.leaf("showblocks", "0");
    x.leaf("completionattemptsexhausted", "0");
    x.leaf("completionminattempts", "0");
    x.leaf("allowofflineattempts", "0");
    x.start("subplugin_quizaccess_seb_quiz").end();
    x.start("question_instances");
    if (quiz.draws()) {
      for (int slot = 1; slot <= asked; slot++) {
        slotStart(x, slot);
        randomReference(x, a, category);
        x.end();
      }
    } else {
      int slot = 0;
      for (BankQuestion q : category.questions()) {
        slotStart(x, ++slot);
        x.start("question_reference", "id", String.valueOf(ids.next("question_reference")));
        x.leaf("usingcontextid", String.valueOf(a.contextId()));
        x.leaf("component", "mod_quiz");
        x.leaf("questionarea", "slot");
        x.leaf("questionbankentryid", String.valueOf(q.id()));
        x.leaf("version", NULL);
        x.end();
        x.end();
      }
    }
    x.end();
    x.start("sections");
    x.start("section", "id", String.valueOf(ids.next("quiz_section")));
    x.leaf("firstslot", "1");
    x.leaf("heading", "");
    x.leaf("shufflequestions", "0");
    x.end();
    x.end();
    x.start("feedbacks");
    feedback(
        x,
        "<p>Quiz réussi : vous savez qui fait quoi dans cette unité.</p>",
        course.passMark(),
        QUIZ_GRADE + 1);
    feedback(
        x,
        "<p>Pas encore : relisez la transcription et les explications de chaque question,"
            + " puis refaites le quiz.</p>",
        0,
        course.passMark());
    x.end();
    x.start("overrides").end();
    x.start("grades").end();
    x.start("attempts").end();
    x.end();
    archive.add(a.directory() + "/quiz.xml", x.end().toBytes());

    moduleFiles(
        a,
        Completion.PASS,
        List.of(gradeItem),
        List.of(top, courseCategory, category.id()),
        activityGrades(a, gradeItem, QUIZ_GRADE, course.passMark()));
  }

  /**
   * The quiz's description: how many questions an attempt asks and, when it draws, out of how many,
   * so that a learner knows a retry asks other questions.
   */
  private String quizIntro(Quiz quiz, int bank) {
    String asked;
    if (quiz.draws()) {
      int n = quiz.drawCount();
      asked =
          "Chaque tentative pose "
              + (n == 1 ? "une question" : n + " questions")
              + " sur le rôle de chacun, d’après la vidéo, "
              + (n == 1 ? "tirée" : "tirées")
              + " au hasard parmi les "
              + bank
              + " de la banque de l’unité, en priorité parmi celles que vous n’avez pas encore"
              + " eues.";
    } else {
      asked =
          (bank == 1 ? "Une question" : bank + " questions")
              + " sur le rôle de chacun, d’après la vidéo.";
    }
    return "<p>"
        + asked
        + " Pour réussir le quiz, il faut "
        + course.passMark()
        + " % de bonnes réponses ; vous pouvez le refaire autant de fois que vous le voulez.</p>";
  }

  private void slotStart(XmlOut x, int slot) {
    x.start("question_instance", "id", String.valueOf(ids.next("quiz_slot")));
    x.leaf("slot", String.valueOf(slot));
    x.leaf("page", "1");
    x.leaf("requireprevious", "0");
    x.leaf("maxmark", "1.0000000");
  }

  /**
   * A random slot: a question set reference on the unit's category, in the 4.1 (pre-4.3) filter
   * shape, which 4.1 restore remaps as it is and 4.3+ restore converts to its own shape. No {@code
   * random} question goes into the bank: since 4.0 the set reference is the whole slot.
   */
  private void randomReference(XmlOut x, Activity a, Category category) {
    x.start("question_set_reference", "id", String.valueOf(ids.next("question_set_reference")));
    // The quiz's context: the slot finds its reference by it once restored.
    x.leaf("usingcontextid", String.valueOf(a.contextId()));
    x.leaf("component", "mod_quiz");
    x.leaf("questionarea", "slot");
    // The category's context, mapped to the new course's by restore.
    x.leaf("questionscontextid", String.valueOf(BackupIds.COURSE_CONTEXT));
    x.leaf("filtercondition", RandomFilter.legacyJson(category.id()));
    x.end();
  }

  private void feedback(XmlOut x, String text, int min, int max) {
    x.start("feedback", "id", String.valueOf(ids.next("quiz_feedback")));
    x.leaf("feedbacktext", text);
    x.leaf("feedbacktextformat", "1");
    x.leaf("mingrade", min + ".00000");
    x.leaf("maxgrade", max + ".00000");
    x.end();
  }

  private void scorm(Section s, Unit unit, ScormActivity scorm) {
    Activity a = activity(s, "scorm", "SCORM : " + unit.title());
    int gradeItem = ids.next("grade_item");
    String packageName = unit.slug() + ".zip";
    BackupFiles.Row pkg =
        files.add(
            a.contextId(),
            "mod_scorm",
            "package",
            "/",
            packageName,
            scorm.packageFile(),
            "application/zip");
    for (var e : scorm.content().entries().entrySet()) {
      files.addPath(
          a.contextId(), "mod_scorm", "content", e.getKey(), e.getValue(), mime(e.getKey()));
    }
    XmlOut x = activityStart(a);
    x.start("scorm", "id", String.valueOf(a.instance()));
    x.leaf("name", a.title());
    x.leaf("scormtype", "local");
    x.leaf("reference", packageName);
    x.leaf("intro", Html.paragraph(unit.description()));
    x.leaf("introformat", "1");
    x.leaf("version", "SCORM_1.2");
    x.leaf("maxgrade", "100");
    x.leaf("grademethod", "1");
    x.leaf("whatgrade", "0");
    x.leaf("maxattempt", "0");
    x.leaf("forcecompleted", "0");
    x.leaf("forcenewattempt", "1");
    x.leaf("lastattemptlock", "0");
    x.leaf("masteryoverride", "1");
    x.leaf("displayattemptstatus", "1");
    x.leaf("displaycoursestructure", "0");
    x.leaf("updatefreq", "0");
    x.leaf("sha1hash", pkg.contenthash());
    x.leaf("md5hash", "");
    x.leaf("revision", "1");
    int launch = 0;
    List<Integer> scoIds = new ArrayList<>();
    for (int i = 0; i < scorm.scoes().size(); i++) {
      int id = ids.next("scorm_sco");
      scoIds.add(id);
      if (launch == 0 && !scorm.scoes().get(i).launch().isEmpty()) {
        launch = id;
      }
    }
    x.leaf("launch", String.valueOf(launch));
    x.leaf("skipview", "2");
    x.leaf("hidebrowse", "1");
    x.leaf("hidetoc", "3");
    x.leaf("nav", "1");
    x.leaf("navpositionleft", "-100");
    x.leaf("navpositiontop", "-100");
    x.leaf("auto", "0");
    x.leaf("popup", "0");
    x.leaf("options", "");
    x.leaf("width", "100");
    x.leaf("height", "600");
    x.leaf("timeopen", "0");
    x.leaf("timeclose", "0");
    x.leaf("timemodified", time);
    // 6 = passed or completed: a unit with a quiz reports passed, one without, completed.
    x.leaf("completionstatusrequired", "6");
    x.leaf("completionscorerequired", NULL);
    x.leaf("completionstatusallscos", "0");
    x.leaf("autocommit", "0");
    x.start("scoes");
    int order = 0;
    for (ScormActivity.Sco sco : scorm.scoes()) {
      x.start("sco", "id", String.valueOf(scoIds.get(order)));
      order++;
      x.leaf("manifest", sco.manifest());
      x.leaf("organization", sco.organization());
      x.leaf("parent", sco.parent());
      x.leaf("identifier", sco.identifier());
      x.leaf("launch", sco.launch());
      x.leaf("scormtype", sco.scormType());
      x.leaf("title", sco.title());
      x.leaf("sortorder", String.valueOf(order));
      x.start("sco_datas");
      if (!sco.launch().isEmpty()) {
        x.start("sco_data", "id", String.valueOf(ids.next("scorm_sco_data")));
        x.leaf("name", "isvisible").leaf("value", "true");
        x.end();
        x.start("sco_data", "id", String.valueOf(ids.next("scorm_sco_data")));
        x.leaf("name", "parameters").leaf("value", "");
        x.end();
      }
      x.end();
      x.start("seq_ruleconds").end();
      x.start("seq_rolluprules").end();
      x.start("seq_objectives").end();
      x.start("sco_tracks").end();
      x.end();
    }
    x.end();
    x.end();
    archive.add(a.directory() + "/scorm.xml", x.end().toBytes());

    moduleFiles(
        a, Completion.SCORM, List.of(gradeItem), List.of(), activityGrades(a, gradeItem, 100, 0));
  }

  /** Mime types Moodle records for the files of a SCORM package, by extension. */
  private static final java.util.Map<String, String> MIME =
      java.util.Map.ofEntries(
          java.util.Map.entry("html", "text/html"),
          java.util.Map.entry("htm", "text/html"),
          java.util.Map.entry("xml", "application/xml"),
          java.util.Map.entry("js", "application/x-javascript"),
          java.util.Map.entry("css", "text/css"),
          java.util.Map.entry("mp4", "video/mp4"),
          java.util.Map.entry("m4v", "video/mp4"),
          java.util.Map.entry("webm", "video/webm"),
          java.util.Map.entry("png", "image/png"),
          java.util.Map.entry("jpg", "image/jpeg"),
          java.util.Map.entry("jpeg", "image/jpeg"),
          java.util.Map.entry("svg", "image/svg+xml"));

  private static String mime(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return MIME.getOrDefault(extension, "application/octet-stream");
  }

  /** How an activity is completed. */
  enum Completion {
    /** Complete when viewed. */
    VIEW,
    /** Complete when the grade to pass is reached. */
    PASS,
    /** Complete as the SCORM package reports (status completed or passed). */
    SCORM
  }

  private XmlOut activityStart(Activity a) {
    return new XmlOut()
        .start(
            "activity",
            "id",
            String.valueOf(a.instance()),
            "moduleid",
            String.valueOf(a.cmid()),
            "modulename",
            a.modname(),
            "contextid",
            String.valueOf(a.contextId()));
  }

  private static byte[] noGrades() {
    return new XmlOut()
        .start("activity_gradebook")
        .start("grade_items")
        .end()
        .start("grade_letters")
        .end()
        .end()
        .toBytes();
  }

  /** module.xml, inforef.xml, grades.xml and the empty files every activity has. */
  private void moduleFiles(
      Activity a,
      Completion completion,
      List<Integer> gradeItems,
      List<Integer> questionCategories,
      byte[] grades) {
    String dir = a.directory() + "/";
    XmlOut m = new XmlOut();
    m.start("module", "id", String.valueOf(a.cmid()), "version", MODULE_VERSION);
    m.leaf("modulename", a.modname());
    m.leaf("sectionid", String.valueOf(a.section().id()));
    m.leaf("sectionnumber", String.valueOf(a.section().number()));
    m.leaf("idnumber", "");
    m.leaf("added", time);
    m.leaf("score", "0");
    m.leaf("indent", "0");
    m.leaf("visible", "1");
    m.leaf("visibleoncoursepage", "1");
    m.leaf("visibleold", "1");
    m.leaf("groupmode", "0");
    m.leaf("groupingid", "0");
    m.leaf("completion", "2");
    m.leaf("completiongradeitemnumber", completion == Completion.PASS ? "0" : NULL);
    m.leaf("completionpassgrade", completion == Completion.PASS ? "1" : "0");
    m.leaf("completionview", completion == Completion.VIEW ? "1" : "0");
    m.leaf("completionexpected", "0");
    m.leaf("availability", NULL);
    m.leaf("showdescription", "0");
    m.leaf("downloadcontent", "1");
    m.start("tags").end();
    archive.add(dir + "module.xml", m.end().toBytes());

    XmlOut inforef = new XmlOut().start("inforef");
    List<Integer> fileIds = files.idsOf(a.contextId());
    if (!fileIds.isEmpty()) {
      inforef.start("fileref");
      for (int id : fileIds) {
        inforef.start("file").leaf("id", String.valueOf(id)).end();
      }
      inforef.end();
    }
    if (!gradeItems.isEmpty()) {
      inforef.start("grade_itemref");
      for (int id : gradeItems) {
        inforef.start("grade_item").leaf("id", String.valueOf(id)).end();
      }
      inforef.end();
    }
    if (!questionCategories.isEmpty()) {
      inforef.start("question_categoryref");
      for (int id : questionCategories) {
        inforef.start("question_category").leaf("id", String.valueOf(id)).end();
      }
      inforef.end();
    }
    archive.add(dir + "inforef.xml", inforef.end().toBytes());
    archive.add(dir + "grades.xml", grades);
    archive.add(
        dir + "grade_history.xml",
        new XmlOut().start("grade_history").start("grade_grades").end().end().toBytes());
    archive.add(dir + "roles.xml", emptyRoles());
    archive.add(dir + "filters.xml", emptyFilters());
    archive.add(dir + "calendar.xml", emptyRoot("events"));
    archive.add(
        dir + "competencies.xml",
        new XmlOut()
            .start("course_module_competencies")
            .start("competencies")
            .end()
            .end()
            .toBytes());
  }

  // ---------------------------------------------------------------- questions

  private Category unitCategory(Unit unit, int parent) {
    int id = ids.next("question_category");
    List<BankQuestion> questions = new ArrayList<>();
    int n = 0;
    for (Question q : unit.quiz().questions()) {
      n++;
      questions.add(new BankQuestion(ids.next("question"), q, QuestionNames.name(q, n)));
    }
    return new Category(
        id,
        unit.title(),
        "Questions de l’unité « " + unit.title() + " ».",
        parent,
        stamp("category", course.shortname(), unit.id()),
        questions);
  }

  /**
   * A stamp like Moodle's ({@code host+date+random}), made from names so that it is stable: a
   * category's stamp must be unique in its context.
   */
  static String stamp(String... parts) {
    return "coursepack+" + Digests.shortHex(String.join("\u0000", parts));
  }

  // ---------------------------------------------------------------- moodle_backup.xml

  private byte[] moodleBackup() {
    XmlOut x = new XmlOut().start("moodle_backup").start("information");
    x.leaf("name", options.fileName());
    x.leaf("moodle_version", BACKUP_VERSION);
    x.leaf("moodle_release", BACKUP_RELEASE + " (coursepack)");
    x.leaf("backup_version", BACKUP_VERSION);
    x.leaf("backup_release", BACKUP_RELEASE);
    x.leaf("backup_date", time);
    x.leaf("mnet_remoteusers", "0");
    x.leaf("include_files", "1");
    x.leaf("include_file_references_to_external_content", "0");
    x.leaf("original_wwwroot", "https://coursepack.invalid");
    x.leaf("original_site_identifier_hash", Digests.sha256Hex("coursepack").substring(0, 32));
    x.leaf("original_course_id", String.valueOf(BackupIds.COURSE));
    x.leaf("original_course_format", "topics");
    x.leaf("original_course_fullname", course.title());
    x.leaf("original_course_shortname", course.shortname());
    // The same as the course's: restore shifts the course's dates by the difference between
    // this and the start chosen in its form, which is this by default.
    x.leaf("original_course_startdate", startDate);
    x.leaf("original_course_enddate", "0");
    x.leaf("original_course_contextid", String.valueOf(BackupIds.COURSE_CONTEXT));
    x.leaf("original_system_contextid", String.valueOf(BackupIds.SYSTEM_CONTEXT));
    x.start("details");
    x.start(
        "detail",
        "backup_id",
        Digests.sha256Hex("coursepack\u0000" + course.shortname()).substring(0, 32));
    x.leaf("type", "course");
    x.leaf("format", "moodle2");
    x.leaf("interactive", "1");
    x.leaf("mode", "10");
    x.leaf("execution", "1");
    x.leaf("executiontime", "0");
    x.end();
    x.end();
    x.start("contents");
    x.start("activities");
    for (Activity a : activities) {
      x.start("activity");
      x.leaf("moduleid", String.valueOf(a.cmid()));
      x.leaf("sectionid", String.valueOf(a.section().id()));
      x.leaf("modulename", a.modname());
      x.leaf("title", a.title());
      x.leaf("directory", a.directory());
      x.end();
    }
    x.end();
    x.start("sections");
    for (Section s : sections) {
      x.start("section");
      x.leaf("sectionid", String.valueOf(s.id()));
      x.leaf("title", s.number() == 0 ? "0" : s.name());
      x.leaf("directory", "sections/section_" + s.id());
      x.end();
    }
    x.end();
    x.start("course");
    x.leaf("courseid", String.valueOf(BackupIds.COURSE));
    x.leaf("title", course.shortname());
    x.leaf("directory", "course");
    x.end();
    x.end();
    x.start("settings");
    rootSetting(x, "filename", options.fileName());
    rootSetting(x, "imscc11", "0");
    rootSetting(x, "users", "0");
    rootSetting(x, "anonymize", "0");
    rootSetting(x, "role_assignments", "0");
    rootSetting(x, "activities", "1");
    rootSetting(x, "blocks", "0");
    rootSetting(x, "files", "1");
    rootSetting(x, "filters", "0");
    rootSetting(x, "comments", "0");
    rootSetting(x, "badges", "0");
    rootSetting(x, "calendarevents", "0");
    rootSetting(x, "userscompletion", "0");
    rootSetting(x, "logs", "0");
    rootSetting(x, "grade_histories", "0");
    rootSetting(x, "questionbank", "1");
    rootSetting(x, "groups", "0");
    rootSetting(x, "competencies", "0");
    rootSetting(x, "customfield", "0");
    rootSetting(x, "contentbankcontent", "0");
    rootSetting(x, "legacyfiles", "0");
    for (Section s : sections) {
      String key = "section_" + s.id();
      x.start("setting").leaf("level", "section").leaf("section", key);
      x.leaf("name", key + "_included").leaf("value", "1").end();
      x.start("setting").leaf("level", "section").leaf("section", key);
      x.leaf("name", key + "_userinfo").leaf("value", "0").end();
      for (Activity a : s.activities()) {
        String akey = a.modname() + "_" + a.cmid();
        x.start("setting").leaf("level", "activity").leaf("activity", akey);
        x.leaf("name", akey + "_included").leaf("value", "1").end();
        x.start("setting").leaf("level", "activity").leaf("activity", akey);
        x.leaf("name", akey + "_userinfo").leaf("value", "0").end();
      }
    }
    x.end();
    return x.end().end().toBytes();
  }

  private static void rootSetting(XmlOut x, String name, String value) {
    x.start("setting").leaf("level", "root").leaf("name", name).leaf("value", value).end();
  }

  // ---------------------------------------------------------------- small files

  private static byte[] emptyRoot(String name) {
    return new XmlOut().start(name).end().toBytes();
  }

  private static byte[] emptyRoles() {
    return new XmlOut()
        .start("roles")
        .start("role_overrides")
        .end()
        .start("role_assignments")
        .end()
        .end()
        .toBytes();
  }

  private static byte[] emptyFilters() {
    return new XmlOut()
        .start("filters")
        .start("filter_actives")
        .end()
        .start("filter_configs")
        .end()
        .end()
        .toBytes();
  }
}
