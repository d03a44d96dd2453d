package org.unmixer.preset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * Pure clean-ups that turn an element copied from a donor file into one fit for our presets. Each
 * is the smallest change that removes something of the donor's own context; everything else stays
 * exactly as Live wrote it.
 */
final class DonorCleanup {
    private DonorCleanup() {
    }

    /** All clean-ups for a device element taken from a donor. */
    static XmlElement device(XmlElement donor, DeviceSpec spec) {
        return renumberIds(emptyLastPresetRef(zeroLomIds(withoutMappings(fullRangesWhereMapped(donor, spec)))));
    }

    /**
     * A mapped parameter's {@code MidiControllerRange} is the macro's range, often narrowed (the EQ
     * Eight donor maps band gains to ±9 dB). With the mapping gone, it goes back to the parameter's
     * full catalog range, so no value we write lies outside it.
     */
    static XmlElement fullRangesWhereMapped(XmlElement donor, DeviceSpec spec) {
        XmlElement out = donor;
        for (ParamSpec p : spec.params()) {
            boolean mapped = out.at(p.xmlElement() + "/KeyMidi").isPresent();
            if (mapped && !p.isQuantized() && out.at(p.xmlElement() + "/MidiControllerRange").isPresent()) {
                out = out.withValueAt(p.xmlElement() + "/MidiControllerRange/Min", p.xmlText(p.min()))
                        .withValueAt(p.xmlElement() + "/MidiControllerRange/Max", p.xmlText(p.max()));
            }
        }
        return out;
    }

    /**
     * Without macro / MIDI mappings ({@code KeyMidi}). A mapped parameter follows its macro, so the
     * donor's mappings would make our rack's macros (all at 0) override the values we write.
     */
    static XmlElement withoutMappings(XmlElement e) {
        return e.withoutDeep("KeyMidi");
    }

    /**
     * {@code LomId}/{@code LomIdView} values and {@code LomId} attributes set to 0: they are live
     * object ids of the session the donor came from; Live writes 0 in presets.
     */
    static XmlElement zeroLomIds(XmlElement e) {
        return e.mapDeep(x -> {
            XmlElement y = x;
            if ((y.name().equals("LomId") || y.name().equals("LomIdView")) && y.attribute("Value").isPresent()) {
                y = y.withAttribute("Value", "0");
            }
            if (y.attribute("LomId").isPresent()) {
                y = y.withAttribute("LomId", "0");
            }
            return y;
        });
    }

    /**
     * {@code LastPresetRef} reduced to {@code <Value />}, as Live writes it for a device that came
     * from no preset file (the mixer of the 12.4.3 Instrument Rack donor); the donors' references
     * name files on their authors' machines.
     */
    static XmlElement emptyLastPresetRef(XmlElement e) {
        if (e.child("LastPresetRef").isEmpty()) {
            return e;
        }
        return e.replaceAt("LastPresetRef", ref -> ref.withChildren(List.of(XmlElement.of("Value"))));
    }

    /**
     * Every {@code Id} renumbered 0, 1, … among siblings of the same element name, in document
     * order. Live refuses a preset with duplicate ids in one list (reference §4.5.1) and itself
     * writes lone elements as {@code Id="0"} (an {@code AutomationTarget} and its sibling
     * {@code ModulationTarget} both carry 0) and lists as 0…n−1 ({@code AbletonDevicePreset},
     * {@code ModulationConnectionsForInstrumentVector}); this rule reproduces both, so it changes
     * nothing in the Live-saved 12.4.3 donors and replaces the set-wide ids of harvested ones. (Max
     * for Live parameter lists number across element names; we never write those.)
     */
    static XmlElement renumberIds(XmlElement e) {
        return e.mapDeep(x -> {
            if (x.children().stream().noneMatch(c -> c.attribute("Id").isPresent())) {
                return x;
            }
            Map<String, Integer> next = new HashMap<>();
            List<XmlElement> renumbered = new ArrayList<>(x.children().size());
            for (XmlElement c : x.children()) {
                if (c.attribute("Id").isPresent()) {
                    int id = next.merge(c.name(), 1, Integer::sum) - 1;
                    renumbered.add(c.withAttribute("Id", Integer.toString(id)));
                } else {
                    renumbered.add(c);
                }
            }
            return x.withChildren(renumbered);
        });
    }
}
