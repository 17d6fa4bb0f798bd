package io.github.coursepack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeXmlTest {

  @Test
  void aControlCharacterInTheDoctypeIsMalformedXmlWithItsLine() {
    // Found by ValidatorFuzzTest: the JDK's parser threw a MissingResourceException here.
    byte[] xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY x\u0016 SYSTEM \"x\">]>\n<quiz/>\n"
            .getBytes(StandardCharsets.UTF_8);

    SafeXml.Malformed m = catchThrowableOfType(SafeXml.Malformed.class, () -> SafeXml.parse(xml));

    assertThat(m).isNotNull();
    assertThat(m.getMessage()).startsWith("malformed XML");
    assertThat(m.line).isEqualTo(2);
  }
}
