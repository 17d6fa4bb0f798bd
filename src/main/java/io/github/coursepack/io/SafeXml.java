package io.github.coursepack.io;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML parsed into a small element tree that keeps each element's line and literal prefix (Moodle
 * matches SCORM prefixes literally, so a check must see them). The parser refuses DTDs and external
 * entities, so that hostile files (XXE, billion laughs) give a {@link Malformed}, never a read of
 * another file or a hang.
 *
 * <p>Usage: {@code SafeXml.Element root = SafeXml.parse(bytes);}
 */
public final class SafeXml {

  /** One element: its name as written, namespace, attributes as written, text, line. */
  public static final class Element {
    public final String prefix;
    public final String localName;
    public final String namespace;
    public final Map<String, String> attributes = new LinkedHashMap<>();
    public final Map<String, String> attributeNamespaces = new LinkedHashMap<>();
    public final List<Element> children = new ArrayList<>();
    public final StringBuilder text = new StringBuilder();
    public final int line;

    Element(String prefix, String localName, String namespace, int line) {
      this.prefix = prefix == null ? "" : prefix;
      this.localName = localName;
      this.namespace = namespace == null ? "" : namespace;
      this.line = line;
    }

    /** The element's text, stripped. */
    public String text() {
      return text.toString().strip();
    }

    public String attr(String name) {
      return attributes.get(name);
    }

    public List<Element> children(String localName) {
      return children.stream().filter(c -> c.localName.equals(localName)).toList();
    }

    public Element child(String localName) {
      return children.stream().filter(c -> c.localName.equals(localName)).findFirst().orElse(null);
    }

    public List<Element> descendants(String localName) {
      List<Element> out = new ArrayList<>();
      for (Element c : children) {
        if (c.localName.equals(localName)) {
          out.add(c);
        }
        out.addAll(c.descendants(localName));
      }
      return out;
    }

    public List<Element> all() {
      List<Element> out = new ArrayList<>();
      out.add(this);
      for (Element c : children) {
        out.addAll(c.all());
      }
      return out;
    }
  }

  /** A parse failure with its line. */
  public static final class Malformed extends Exception {
    public final int line;

    Malformed(String message, int line) {
      super(message);
      this.line = line;
    }
  }

  private SafeXml() {}

  public static Element parse(byte[] xml) throws Malformed {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    XMLStreamReader r = null;
    try {
      r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      Element root = null;
      List<Element> stack = new ArrayList<>();
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw new Malformed("a DTD is not allowed here", r.getLocation().getLineNumber());
          case XMLStreamConstants.START_ELEMENT -> {
            Element e =
                new Element(
                    r.getPrefix(),
                    r.getLocalName(),
                    r.getNamespaceURI(),
                    r.getLocation().getLineNumber());
            for (int i = 0; i < r.getAttributeCount(); i++) {
              String p = r.getAttributePrefix(i);
              String name = (p == null || p.isEmpty() ? "" : p + ":") + r.getAttributeLocalName(i);
              e.attributes.put(name, r.getAttributeValue(i));
              String ns = r.getAttributeNamespace(i);
              e.attributeNamespaces.put(name, ns == null ? "" : ns);
            }
            if (stack.isEmpty()) {
              root = e;
            } else {
              stack.get(stack.size() - 1).children.add(e);
            }
            stack.add(e);
          }
          case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!stack.isEmpty()) {
              stack.get(stack.size() - 1).text.append(r.getText());
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new Malformed(
                  "undeclared entity &" + r.getLocalName() + ";", r.getLocation().getLineNumber());
          default -> {}
        }
      }
      if (root == null) {
        throw new Malformed("no root element", 1);
      }
      return root;
    } catch (java.util.MissingResourceException e) {
      // The JDK's StAX parser throws this, instead of an XMLStreamException, for some malformed
      // input (a control character in a DOCTYPE): its catalogue lacks the message (key
      // InvalidCharInDTD). Found by ValidatorFuzzTest.
      int line = r == null ? 0 : Math.max(0, r.getLocation().getLineNumber());
      throw new Malformed("malformed XML (" + e.getKey() + ")", line);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
      int at = message.indexOf("Message: ");
      throw new Malformed(at >= 0 ? message.substring(at + 9).strip() : message, Math.max(0, line));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
  }

  private static void trySet(XMLInputFactory factory, String property, Object value) {
    try {
      factory.setProperty(property, value);
    } catch (IllegalArgumentException unsupported) {
      // older parsers: SUPPORT_DTD=false already refuses what these would
    }
  }
}
