package org.unmixer.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.unmixer.live.osc.OscMessage;
import org.unmixer.params.DeviceSettings;

/**
 * Parameters through AbletonOSC, in three round trips whatever the number of devices: one bundle
 * of queries for every device's parameter names, ranges and kinds; one bundle of sets; one bundle of
 * read-backs. AbletonOSC sets by index only, so the indices come from the names just read.
 */
final class OscParameterWriter implements ParameterWriter {
    private static final String[] LISTS = {"name", "min", "max", "is_quantized", "value"};
    /** Per device: its class name (to notice a set that changed under us), then the parameter lists. */
    private static final int QUERIES = LISTS.length + 1;

    private final AbletonOscClient osc;
    private final int track;
    private final Consumer<String> problems;
    private final Consumer<String> done;

    OscParameterWriter(AbletonOscClient osc, int track, Consumer<String> problems, Consumer<String> done) {
        this.osc = osc;
        this.track = track;
        this.problems = problems;
        this.done = done;
    }

    @Override
    public Counts write(List<DeviceSettings> devices) {
        osc.drainErrors();
        List<List<LiveParameter>> live = readParameters(devices);
        List<List<ParameterTargets.Target>> targets = new ArrayList<>();
        List<OscMessage> sets = new ArrayList<>();
        for (int d = 0; d < devices.size(); d++) {
            String name = devices.get(d).device().name();
            if (live.get(d) == null) {
                problems.accept("device " + (d + 1) + " (" + name + ") could not be read" + liveSaid()
                        + "; the set changed during the rebuild? run it again");
                targets.add(List.of());
                continue;
            }
            if (live.get(d).isEmpty()) {
                targets.add(List.of());
                continue;
            }
            ParameterTargets.Result r = ParameterTargets.match(devices.get(d), live.get(d));
            r.problems().forEach(problems);
            targets.add(r.targets());
            for (ParameterTargets.Target t : r.targets()) {
                sets.add(OscMessage.of("/live/device/set/parameter/value", track, d, t.index(), (float) t.lomValue()));
            }
        }
        osc.sendAll(sets);
        List<Optional<OscMessage>> values = osc.queryEach(readBackQueries(devices.size()));
        int verified = 0;
        for (int d = 0; d < devices.size(); d++) {
            if (targets.get(d).isEmpty()) {
                continue;
            }
            String name = devices.get(d).device().name();
            if (values.get(d).isEmpty()) {
                problems.accept(name + ": values not read back" + liveSaid());
                continue;
            }
            double[] read = numbers(values.get(d).get());
            List<String> bad = ParameterTargets.mismatches(name, targets.get(d), read);
            bad.forEach(problems);
            int good = targets.get(d).size() - bad.size();
            verified += good;
            done.accept(name + ": " + targets.get(d).size() + " parameters set, " + good + " read back as intended");
        }
        String errors = liveSaid();
        if (!errors.isEmpty()) {
            problems.accept("Live reported errors while setting parameters" + errors);
        }
        return new Counts(sets.size(), verified);
    }

    /** Each device's parameters, or null for a device Live could not answer for or that is not the expected one. */
    private List<List<LiveParameter>> readParameters(List<DeviceSettings> devices) {
        List<OscMessage> queries = new ArrayList<>();
        for (int d = 0; d < devices.size(); d++) {
            queries.add(OscMessage.of("/live/device/get/class_name", track, d));
            for (String list : LISTS) {
                queries.add(OscMessage.of("/live/device/get/parameters/" + list, track, d));
            }
        }
        List<Optional<OscMessage>> replies = osc.queryEach(queries);
        List<List<LiveParameter>> out = new ArrayList<>();
        for (int d = 0; d < devices.size(); d++) {
            List<Optional<OscMessage>> mine = replies.subList(d * QUERIES, (d + 1) * QUERIES);
            String expected = devices.get(d).device().lomClass();
            Optional<String> actual = mine.get(0).map(m -> m.stringArg(2));
            if (actual.isPresent() && !actual.get().equals(expected)) {
                problems.accept("device " + (d + 1) + " on track " + (track + 1) + " is now " + actual.get() + ", not " + expected
                        + ": the set changed during the rebuild; run it again");
                out.add(List.of());
                continue;
            }
            out.add(mine.stream().allMatch(Optional::isPresent) ? parameters(mine.subList(1, QUERIES)) : null);
        }
        return out;
    }

    private static List<LiveParameter> parameters(List<Optional<OscMessage>> lists) {
        OscMessage names = lists.get(0).get();
        double[] min = numbers(lists.get(1).get());
        double[] max = numbers(lists.get(2).get());
        double[] quantized = numbers(lists.get(3).get());
        double[] value = numbers(lists.get(4).get());
        List<LiveParameter> out = new ArrayList<>();
        for (int p = 0; p + 2 < names.size(); p++) {
            if (p >= min.length || p >= max.length || p >= quantized.length || p >= value.length) {
                break; // lists of different lengths: the device changed between the queries
            }
            out.add(new LiveParameter(p, names.stringArg(p + 2), min[p], max[p], quantized[p] != 0, value[p]));
        }
        return out;
    }

    private List<OscMessage> readBackQueries(int devices) {
        List<OscMessage> out = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            out.add(OscMessage.of("/live/device/get/parameters/value", track, d));
        }
        return out;
    }

    /** The values after the two echoed indices (track, device). */
    private static double[] numbers(OscMessage m) {
        double[] out = new double[Math.max(0, m.size() - 2)];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.doubleArg(i + 2);
        }
        return out;
    }

    private String liveSaid() {
        List<String> errors = osc.drainErrors();
        return errors.isEmpty() ? "" : " (Live: " + String.join("; ", errors) + ")";
    }
}
