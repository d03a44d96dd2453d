package org.unmixer.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.unmixer.live.osc.OscMessage;
import org.unmixer.params.DeviceSettings;

/**
 * Parameters through the Un-Mixer device when AbletonOSC is not there: one {@code /unmixer/params}
 * per device, then one {@code /unmixer/set} per value, all of a device's sent at once (one tick);
 * each {@code ok} carries the value read back.
 */
final class DeviceParameterWriter implements ParameterWriter {
    private final MaxDeviceClient device;
    private final Consumer<String> problems;
    private final Consumer<String> done;

    DeviceParameterWriter(MaxDeviceClient device, Consumer<String> problems, Consumer<String> done) {
        this.device = device;
        this.problems = problems;
        this.done = done;
    }

    @Override
    public Counts write(List<DeviceSettings> devices) {
        int sent = 0;
        int verified = 0;
        for (int d = 0; d < devices.size(); d++) {
            String name = devices.get(d).device().name();
            List<LiveParameter> live;
            try {
                live = parameters(device.request("/unmixer/params", d));
            } catch (DeviceRequestException e) {
                problems.accept("device " + (d + 1) + " (" + name + ") could not be read: " + e.getMessage());
                continue;
            }
            ParameterTargets.Result r = ParameterTargets.match(devices.get(d), live);
            r.problems().forEach(problems);
            List<MaxDeviceClient.Request> sets = new ArrayList<>();
            for (ParameterTargets.Target t : r.targets()) {
                sets.add(new MaxDeviceClient.Request("/unmixer/set", d, t.name(), (float) t.lomValue()));
            }
            sent += sets.size();
            int good = 0;
            List<MaxDeviceClient.Reply> replies = device.requestEach(sets);
            for (int i = 0; i < sets.size(); i++) {
                ParameterTargets.Target t = r.targets().get(i);
                MaxDeviceClient.Reply reply = replies.get(i);
                if (reply.error() != null) {
                    problems.accept(name + " \"" + t.name() + "\": " + reply.error().getMessage());
                    continue;
                }
                double back = reply.ok().doubleArg(1);
                if (Math.abs(back - t.lomValue()) <= ParameterTargets.READBACK_TOLERANCE) {
                    good++;
                } else {
                    problems.accept(String.format(Locale.ROOT, "%s \"%s\": set %.6g, Live reads %.6g", name, t.name(),
                            t.lomValue(), back));
                }
            }
            verified += good;
            done.accept(name + ": " + sets.size() + " parameters set through the Un-Mixer device, " + good + " read back as intended");
        }
        return new Counts(sent, verified);
    }

    /** {@code ok id (name value min max quantized)...}. */
    static List<LiveParameter> parameters(OscMessage ok) {
        List<LiveParameter> out = new ArrayList<>();
        for (int i = 1, p = 0; i + 4 < ok.size(); i += 5, p++) {
            out.add(new LiveParameter(p, ok.stringArg(i), ok.doubleArg(i + 2), ok.doubleArg(i + 3), ok.doubleArg(i + 4) != 0,
                    ok.doubleArg(i + 1)));
        }
        return out;
    }
}
