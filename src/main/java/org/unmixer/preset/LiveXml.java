package org.unmixer.preset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.unmixer.params.BadInputException;

/**
 * Live's file container: gzip-compressed UTF-8 XML (reference §4.1). Reads any such file into an
 * {@link XmlElement} tree and writes a tree back the way Live does.
 *
 * <p>Writing follows the one rule Live enforces and the habits it shows: the declaration
 * {@code <?xml version="1.0" encoding="UTF-8"?>} exactly once (a file without it is silently
 * refused, one with two fails to parse), tab indentation, CRLF line ends, {@code <X />} for empty
 * elements, and a trailing line end. The gzip header's modification time is 0, so the same tree
 * always gives the same bytes.
 */
public final class LiveXml {
    /** The declaration Live writes, byte for byte. */
    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String EOL = "\r\n";
    private static final long MAX_XML_BYTES = 64L << 20;

    private LiveXml() {
    }

    // ---- reading ----------------------------------------------------------------------------

    /** The root element of a gzipped Live file; anything else is a {@link BadInputException}. */
    public static XmlElement read(byte[] gzipped) {
        if (gzipped.length < 2 || (gzipped[0] & 0xff) != 0x1f || (gzipped[1] & 0xff) != 0x8b) {
            throw new BadInputException("not a Live preset: Live files are gzip-compressed XML");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] xml = in.readNBytes((int) MAX_XML_BYTES + 1);
            if (xml.length > MAX_XML_BYTES) {
                throw new BadInputException("not a Live preset: more than " + (MAX_XML_BYTES >> 20) + " MB of XML");
            }
            return parse(xml);
        } catch (IOException e) {
            throw new BadInputException("not a Live preset: broken gzip data (" + e.getMessage() + ")", e);
        }
    }

    /** Parses uncompressed XML with a streaming reader that resolves no DTD or external entity. */
    static XmlElement parse(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Deque<Partial> open = new ArrayDeque<>();
        XmlElement root = null;
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8");
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        List<XmlElement.Attribute> attrs = new ArrayList<>(r.getAttributeCount());
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.add(new XmlElement.Attribute(r.getAttributeLocalName(i), r.getAttributeValue(i)));
                        }
                        open.push(new Partial(r.getLocalName(), attrs));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty() && !r.isWhiteSpace()) {
                            open.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement done = open.pop().build();
                        if (open.isEmpty()) {
                            root = done;
                        } else {
                            open.peek().children.add(done);
                        }
                    }
                    default -> {
                        // comments, processing instructions, whitespace between elements: not data
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new BadInputException("not a Live preset: broken XML (" + e.getMessage().replaceAll("\\s+", " ") + ")", e);
        }
        if (root == null) {
            throw new BadInputException("not a Live preset: no XML element");
        }
        return root;
    }

    /** An element whose end tag has not been read yet. */
    private static final class Partial {
        final String name;
        final List<XmlElement.Attribute> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Partial(String name, List<XmlElement.Attribute> attributes) {
            this.name = name;
            this.attributes = attributes;
        }

        /** Text is kept as its non-blank lines, stripped: Live indents the lines of a hex blob. */
        XmlElement build() {
            String lines = text.toString().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .collect(java.util.stream.Collectors.joining("\n"));
            return new XmlElement(name, attributes, lines, children);
        }
    }

    // ---- writing ----------------------------------------------------------------------------

    /** The document as Live writes it, uncompressed. */
    public static String toXmlText(XmlElement root) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append(DECLARATION).append(EOL);
        append(out, root, 0);
        return out.toString();
    }

    /** The document gzip-compressed, with a zero modification time in the gzip header. */
    public static byte[] toBytes(XmlElement root) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
        // GZIPOutputStream writes MTIME = 0 and no file name: the output depends on the tree only.
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(toXmlText(root).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void append(StringBuilder out, XmlElement e, int depth) {
        out.append("\t".repeat(depth)).append('<').append(e.name());
        for (XmlElement.Attribute a : e.attributes()) {
            out.append(' ').append(a.name()).append("=\"").append(escape(a.value())).append('"');
        }
        if (e.children().isEmpty() && e.text().isEmpty()) {
            out.append(" />").append(EOL);
            return;
        }
        out.append('>').append(EOL);
        // Text (the hex blobs of Max devices) goes one line per line, indented like a child.
        e.text().lines().forEach(l -> out.append("\t".repeat(depth + 1)).append(escape(l)).append(EOL));
        for (XmlElement c : e.children()) {
            append(out, c, depth + 1);
        }
        out.append("\t".repeat(depth)).append("</").append(e.name()).append('>').append(EOL);
    }

    /** XML escaping for attribute values and text; line breaks and tabs as character references. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }
}
