package io.github.coursepack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code coursepack actors [DIR] [--json]}: the actor catalogue, with a course's additions. */
@Command(
    name = "actors",
    mixinStandardHelpOptions = true,
    description =
        "List the actor catalogue the quiz uses: the default one, extended by DIR's"
            + " actors.yaml when a course folder is given.")
final class ActorsCommand implements Callable<Integer> {

  @ParentCommand CoursepackCommand parent;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "A course folder.")
  Path courseDir;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = parent.spec.commandLine().getOut();
    DiagnosticPrinter printer =
        new DiagnosticPrinter(parent.spec.commandLine().getErr(), false, false, parent.language);
    ActorCatalog catalog =
        ActorCatalog.load(
            Optional.ofNullable(courseDir).map(d -> d.resolve(ActorCatalog.COURSE_FILE)), printer);
    if (json) {
      List<Object> list = new ArrayList<>();
      for (Actor a : catalog.actors()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("label", a.label());
        m.put("definite", a.definite());
        m.put("gender", a.feminine() ? "f" : "m");
        m.put("plural", a.plural());
        m.put("level", a.level().label());
        m.put("kind", a.service() ? "service" : "actor");
        m.put("group", a.group());
        m.put("acronyms", a.acronyms());
        m.put("expansions", a.expansions());
        m.put("aliases", a.aliases());
        list.add(m);
      }
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
    } else {
      out.printf("%-18s %-36s %-16s %s%n", "id", "named", "level", "acronyms / full name");
      for (Actor a : catalog.actors()) {
        String full = a.expansions().isEmpty() ? "" : a.expansions().get(0);
        String acr = String.join(", ", a.acronyms());
        out.printf(
            "%-18s %-36s %-16s %s%n",
            a.id(),
            a.definite(),
            a.level().label() + (a.service() ? " (service)" : ""),
            acr.isEmpty() ? full : full.isEmpty() ? acr : acr + " — " + full);
      }
    }
    out.flush();
    return printer.count(Severity.ERROR) > 0 ? Main.CONTENT_ERRORS : Main.OK;
  }
}
