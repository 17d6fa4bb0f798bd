package io.github.coursepack.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {

  @Test
  void placeholdersAreReplacedAndEverythingElseIsKeptAsWritten() {
    assertThat(
            Message.format(
                "l'archive '{0}' {not a placeholder} {1}{0} '' {", List.of("a", "b"), Language.FR))
        .isEqualTo("l'archive 'a' {not a placeholder} ba '' {");
  }

  @Test
  void numbersAreNeverGroupedNorLocalised() {
    assertThat(Message.format("{0} archives", List.of(1400L), Language.FR))
        .isEqualTo("1400 archives");
  }

  @Test
  void aMissingArgumentIsABug() {
    assertThatThrownBy(() -> Message.format("{1}", List.of("a"), Language.EN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownKeyIsABug() {
    assertThatThrownBy(() -> Message.of("no.such.key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no.such.key");
  }

  @Test
  void aPlainMessageSaysItsEnglishInEveryLanguage() {
    Message m = Message.plain("cannot read it: it's gone");
    assertThat(m.keyed()).isFalse();
    assertThat(m.in(Language.FR)).isEqualTo("cannot read it: it's gone");
    assertThat(m.english()).isEqualTo("cannot read it: it's gone");
  }

  @Test
  void argumentsThatAreMessagesAreSaidInTheSameLanguage() {
    Message doing = Message.of("doing.readingResource");
    Message m = Message.of("diagnostic.internalError", doing, "java.lang.IllegalStateException");
    assertThat(m.english())
        .isEqualTo(
            "internal error while reading this resource: java.lang.IllegalStateException;"
                + " please report it");
    assertThat(m.in(Language.FR))
        .isEqualTo(
            "erreur interne pendant la lecture de cette ressource : java.lang.IllegalStateException"
                + " ; merci de la signaler");
  }

  @Test
  void argumentsAreKeptAsTextSoThatTheMessageIsAValue() {
    Message m = Message.of("diagnostic.internalError", Path.of("a/b.md"), 'x');
    assertThat(m.args()).containsExactly("a/b.md", "x");
    assertThat(m).isEqualTo(Message.of("diagnostic.internalError", "a/b.md", "x"));
  }

  @Test
  void countsTakeTheFormOfTheirLanguage() {
    assertThat(Message.of("count.error", 0).english()).isEqualTo("0 errors");
    assertThat(Message.of("count.error", 1).english()).isEqualTo("1 error");
    assertThat(Message.of("count.error", 2).english()).isEqualTo("2 errors");
    assertThat(Message.of("count.error", 0).in(Language.FR)).isEqualTo("0 erreur");
    assertThat(Message.of("count.error", 1).in(Language.FR)).isEqualTo("1 erreur");
    assertThat(Message.of("count.error", 2).in(Language.FR)).isEqualTo("2 erreurs");
  }
}
