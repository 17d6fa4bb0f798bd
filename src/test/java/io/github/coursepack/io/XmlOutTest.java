package io.github.coursepack.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xmlunit.assertj3.XmlAssert;

class XmlOutTest {

  @Test
  void escapesWithTheFiveXmlEntitiesOnlyAndWritesAccentsAsUtf8() {
    String xml =
        new XmlOut()
            .start("manifest", "identifier", "M-1", "title", "a \"b\" <c> & d")
            .leaf("title", "Élèves & « référents » <3")
            .empty("file", "href", "index.html", "skipped", null)
            .end()
            .toXml();
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .contains("title=\"a &quot;b&quot; &lt;c&gt; &amp; d\"")
        .contains("<title>Élèves &amp; « référents » &lt;3</title>")
        .doesNotContain("&#", "skipped", "&eacute;");
    XmlAssert.assertThat(xml).nodesByXPath("/manifest/title").exist();
    XmlAssert.assertThat(xml)
        .valueByXPath("/manifest/title")
        .isEqualTo("Élèves & « référents » <3");
  }

  @Test
  void dropsCharactersThatXmlForbids() {
    String xml = new XmlOut().leaf("t", "a\u0001b\u0007c😀").toXml();
    assertThat(xml).contains("<t>abc😀</t>");
    XmlAssert.assertThat(xml).valueByXPath("/t").isEqualTo("abc😀");
  }
}
