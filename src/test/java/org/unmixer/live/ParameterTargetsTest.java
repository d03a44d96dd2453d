package org.unmixer.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

class ParameterTargetsTest {
    private static final DeviceSpec SATURATOR = Catalog.standard().device("Saturator");

    /** Live's parameter list for a device as the catalog predicts it: Device On first. */
    static List<LiveParameter> liveList(DeviceSpec device) {
        List<LiveParameter> out = new ArrayList<>();
        out.add(new LiveParameter(0, "Device On", 0, 1, true, 1));
        for (ParamSpec p : device.params()) {
            out.add(new LiveParameter(out.size(), p.name(), p.lomMin(), p.lomMax(), p.isQuantized(), p.toLom(p.defaultValue())));
        }
        return out;
    }

    @Test
    void everyCatalogParameterIsTargetedByNameWithItsLomValue() {
        DeviceSettings s = SATURATOR.settings(Map.of("Drive", 12.0, "Type", "Soft Sine", "Dry/Wet", 50.0));
        ParameterTargets.Result r = ParameterTargets.match(s, liveList(SATURATOR));
        assertThat(r.problems()).isEmpty();
        assertThat(r.targets()).hasSize(SATURATOR.params().size());
        ParameterTargets.Target drive = r.targets().stream().filter(t -> t.name().equals("Drive")).findFirst().orElseThrow();
        assertThat(drive.index()).isEqualTo(1 + SATURATOR.indexOf("Drive"));
        assertThat(drive.lomValue()).isCloseTo(SATURATOR.param("Drive").toLom(12.0), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.targets().stream().filter(t -> t.name().equals("Type")).findFirst().orElseThrow().lomValue()).isEqualTo(1.0);
    }

    @Test
    void aRenamedParameterIsReportedWithTheClosestNameAndTheRestStillGoes() {
        List<LiveParameter> live = new ArrayList<>(liveList(SATURATOR));
        int i = 1 + SATURATOR.indexOf("Drive");
        LiveParameter old = live.get(i);
        live.set(i, new LiveParameter(old.index(), "Drive Amount", old.min(), old.max(), false, old.value()));
        ParameterTargets.Result r = ParameterTargets.match(SATURATOR.defaults(), live);
        assertThat(r.problems()).singleElement().asString().contains("no parameter \"Drive\"").contains("Drive Amount");
        assertThat(r.targets()).hasSize(SATURATOR.params().size() - 1);
    }

    @Test
    void aValueOutsideLivesRangeIsReportedNotSent() {
        List<LiveParameter> live = new ArrayList<>(liveList(SATURATOR));
        int i = 1 + SATURATOR.indexOf("Drive");
        LiveParameter old = live.get(i);
        live.set(i, new LiveParameter(old.index(), "Drive", 0, 0.25, false, 0)); // a Live with a narrower range
        ParameterTargets.Result r = ParameterTargets.match(SATURATOR.settings(Map.of("Drive", 30.0)), live);
        assertThat(r.problems()).singleElement().asString().contains("outside Live's range");
        assertThat(r.targets()).noneMatch(t -> t.name().equals("Drive"));
    }

    @Test
    void readBackMismatchesAreNamed() {
        ParameterTargets.Result r = ParameterTargets.match(SATURATOR.defaults(), liveList(SATURATOR));
        double[] back = new double[SATURATOR.params().size() + 1];
        for (ParameterTargets.Target t : r.targets()) {
            back[t.index()] = t.lomValue();
        }
        assertThat(ParameterTargets.mismatches("Saturator", r.targets(), back)).isEmpty();
        int drive = 1 + SATURATOR.indexOf("Drive");
        back[drive] += 0.01;
        assertThat(ParameterTargets.mismatches("Saturator", r.targets(), back)).singleElement().asString()
                .contains("\"Drive\"").contains("ignored");
        assertThat(ParameterTargets.mismatches("Saturator", r.targets(), new double[2])).isNotEmpty();
    }
}
