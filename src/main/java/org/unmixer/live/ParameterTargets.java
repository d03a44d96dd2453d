package org.unmixer.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;
import org.unmixer.params.Suggest;

/**
 * Matches a device's settings (catalog, display units) to the parameters Live reports for that
 * device, by name, and computes each LOM value to send (pure). Names are looked up at run time,
 * never by index: a parameter Live does not have (renamed in a newer Live, say) and a value outside
 * the range Live reports are problems to report, not values to send.
 */
public final class ParameterTargets {
    /** Two LOM values this close are the same (float32 over OSC, Live's own rounding). */
    public static final double READBACK_TOLERANCE = 1e-4;

    /** A value to send: Live's index and name, the LOM value, and the display value it encodes. */
    public record Target(int index, String name, double lomValue, String display) {
    }

    /** The targets and what could not be matched. */
    public record Result(List<Target> targets, List<String> problems) {
    }

    private ParameterTargets() {
    }

    /**
     * @param settings every catalog parameter of the device (all are sent, so Live's state is fully
     *     determined by the patch, whatever the device held before)
     * @param live the device's parameters as Live lists them
     */
    public static Result match(DeviceSettings settings, List<LiveParameter> live) {
        Map<String, LiveParameter> byName = live.stream()
                .collect(Collectors.toMap(LiveParameter::name, Function.identity(), (a, b) -> a));
        List<Target> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String device = settings.device().name();
        for (ParamSpec spec : settings.device().params()) {
            double display = settings.get(spec.name());
            LiveParameter p = byName.get(spec.name());
            if (p == null) {
                problems.add(String.format(Locale.ROOT, "%s has no parameter \"%s\" in this Live%s; left as it was",
                        device, spec.name(), renamedTo(spec.name(), settings, byName.keySet())));
                continue;
            }
            double lom = spec.toLom(display);
            if (p.quantized()) {
                lom = Math.rint(lom);
            }
            if (lom < p.min() - READBACK_TOLERANCE || lom > p.max() + READBACK_TOLERANCE) {
                problems.add(String.format(Locale.ROOT, "%s \"%s\": %s is %.6g in Live's units, outside Live's range %.6g..%.6g;"
                        + " not set (the catalog's range may differ from this Live version)",
                        device, spec.name(), spec.displayText(display), lom, p.min(), p.max()));
                continue;
            }
            lom = Math.max(p.min(), Math.min(p.max(), lom)); // only float rounding can land here
            targets.add(new Target(p.index(), spec.name(), lom, spec.displayText(display)));
        }
        return new Result(targets, problems);
    }

    /**
     * A hint for a parameter Live no longer lists: the closest spelling, or else a name Live lists,
     * unknown to the catalog, that contains it or is contained in it (Live 12.1 turned "WS Lin" into
     * "WS Linearity" and "Color" into "Color On").
     */
    static String renamedTo(String wanted, DeviceSettings settings, java.util.Set<String> liveNames) {
        String close = Suggest.didYouMean(wanted, liveNames);
        if (!close.isEmpty()) {
            return close;
        }
        String w = wanted.toLowerCase(Locale.ROOT);
        for (String candidate : liveNames) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (settings.device().indexOf(candidate) < 0 && (c.contains(w) || w.contains(c))) {
                return " (renamed to \"" + candidate + "\"?)";
            }
        }
        return "";
    }

    /** Readback mismatches: targets whose value in {@code readBack} differs by more than the tolerance. */
    public static List<String> mismatches(String device, List<Target> targets, double[] readBack) {
        List<String> out = new ArrayList<>();
        for (Target t : targets) {
            if (t.index() >= readBack.length) {
                out.add(device + " \"" + t.name() + "\": not read back (the device has fewer parameters now)");
            } else if (Math.abs(readBack[t.index()] - t.lomValue()) > READBACK_TOLERANCE) {
                out.add(String.format(Locale.ROOT, "%s \"%s\": set %.6g, Live reads %.6g (the set was ignored or changed)",
                        device, t.name(), t.lomValue(), readBack[t.index()]));
            }
        }
        return out;
    }
}
