package org.unmixer.preset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One element of Live's preset XML as an immutable value: name, attributes <em>in document
 * order</em>, text and children. Every change returns a new tree that shares the untouched branches.
 *
 * <p>Why not the JDK's DOM: DOM does not keep attribute order (Xerces sorts them), and we want our
 * files to look like Live's own ({@code MajorVersion} before {@code MinorVersion} …) and to be byte
 * for byte reproducible. Live's files carry all data in attributes; text only appears in a few
 * Max for Live blobs, which we keep verbatim.
 *
 * @param name element name, e.g. {@code PreDrive} or {@code Bands.0}
 * @param attributes attributes in the order they appear
 * @param text character data as stripped lines joined by {@code \n} (empty except in the hex
 *     blobs of Max for Live devices)
 * @param children child elements in order
 */
public record XmlElement(String name, List<Attribute> attributes, String text, List<XmlElement> children) {

    /** One attribute. */
    public record Attribute(String name, String value) {
        public Attribute {
            Objects.requireNonNull(name, "attribute name");
            Objects.requireNonNull(value, "attribute value");
        }
    }

    public XmlElement {
        Objects.requireNonNull(name, "element name");
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    /** An empty element {@code <name />}. */
    public static XmlElement of(String name) {
        return new XmlElement(name, List.of(), "", List.of());
    }

    /** {@code <name Value="value" />}, the shape of Live's non-automatable settings. */
    public static XmlElement valued(String name, String value) {
        return of(name).withAttribute("Value", value);
    }

    // ---- reading ----------------------------------------------------------------------------

    public Optional<String> attribute(String attributeName) {
        for (Attribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Optional.of(a.value());
            }
        }
        return Optional.empty();
    }

    /** The first child with this name. */
    public Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).findFirst();
    }

    /** All children with this name, in order. */
    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).toList();
    }

    /** The element at a {@code /}-separated path of child names (first match at each step). */
    public Optional<XmlElement> at(String path) {
        Optional<XmlElement> current = Optional.of(this);
        for (String step : path.split("/")) {
            current = current.flatMap(e -> e.child(step));
        }
        return current;
    }

    /** {@code Value} attribute of the child at {@code path}, Live's way of storing one setting. */
    public Optional<String> valueAt(String path) {
        return at(path).flatMap(e -> e.attribute("Value"));
    }

    // ---- changing (returns copies) ----------------------------------------------------------

    /** A copy with the attribute set: replaced in place if present, else appended. */
    public XmlElement withAttribute(String attributeName, String value) {
        List<Attribute> copy = new ArrayList<>(attributes);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(attributeName)) {
                copy.set(i, new Attribute(attributeName, value));
                return new XmlElement(name, copy, text, children);
            }
        }
        copy.add(new Attribute(attributeName, value));
        return new XmlElement(name, copy, text, children);
    }

    /** A copy without this attribute (unchanged if absent). */
    public XmlElement withoutAttribute(String attributeName) {
        return new XmlElement(name, attributes.stream().filter(a -> !a.name().equals(attributeName)).toList(),
                text, children);
    }

    public XmlElement withChildren(List<XmlElement> newChildren) {
        return new XmlElement(name, attributes, text, newChildren);
    }

    /** A copy with this child appended. */
    public XmlElement withChild(XmlElement child) {
        List<XmlElement> copy = new ArrayList<>(children);
        copy.add(child);
        return withChildren(copy);
    }

    /**
     * A copy where the element at {@code path} is replaced by {@code change} applied to it.
     *
     * @throws IllegalArgumentException if there is no such element (a donor lacking an element the
     *     catalog names is a programming error caught by the donor tests, not user input)
     */
    public XmlElement replaceAt(String path, UnaryOperator<XmlElement> change) {
        int slash = path.indexOf('/');
        String step = slash < 0 ? path : path.substring(0, slash);
        List<XmlElement> copy = new ArrayList<>(children);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(step)) {
                XmlElement c = copy.get(i);
                copy.set(i, slash < 0 ? change.apply(c) : c.replaceAt(path.substring(slash + 1), change));
                return withChildren(copy);
            }
        }
        throw new IllegalArgumentException("<" + name + "> has no child <" + step + ">");
    }

    /** A copy with the {@code Value} attribute of the element at {@code path} set. */
    public XmlElement withValueAt(String path, String value) {
        return replaceAt(path, e -> e.withAttribute("Value", value));
    }

    /** This element and every descendant transformed bottom-up by {@code change}. */
    public XmlElement mapDeep(UnaryOperator<XmlElement> change) {
        List<XmlElement> mapped = new ArrayList<>(children.size());
        for (XmlElement c : children) {
            mapped.add(c.mapDeep(change));
        }
        return change.apply(withChildren(mapped));
    }

    /** A copy without the children that have this name, at every depth. */
    public XmlElement withoutDeep(String childName) {
        return mapDeep(e -> e.children.stream().anyMatch(c -> c.name().equals(childName))
                ? e.withChildren(e.children.stream().filter(c -> !c.name().equals(childName)).toList())
                : e);
    }
}
