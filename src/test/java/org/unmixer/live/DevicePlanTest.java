package org.unmixer.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DevicePlanTest {
    private static final String OURS = DevicePlan.OUR_DEVICE;

    @Test
    void nothingToDoWhenTheTrackAlreadyMatches() {
        List<String> set = List.of("Wavetable", "Saturator", "Reverb", OURS);
        assertThat(DevicePlan.edits(set, List.of("Wavetable", "Saturator", "Reverb"))).isEmpty();
    }

    @Test
    void anEmptyTrackWithOurDeviceGetsEverythingInsertedBeforeIt() {
        List<DeviceEdit> edits = DevicePlan.edits(List.of(OURS), List.of("Wavetable", "EQ Eight", "Reverb"));
        assertThat(edits).containsExactly(new DeviceEdit.Insert(0, "Wavetable"), new DeviceEdit.Insert(1, "EQ Eight"),
                new DeviceEdit.Insert(2, "Reverb"));
    }

    @Test
    void aSwapIsOneMoveAndAReplacedDeviceIsOneDeleteAndOneInsert() {
        List<String> now = List.of("Wavetable", "Saturator", "Reverb", OURS);
        assertThat(DevicePlan.edits(now, List.of("Wavetable", "Reverb", "Saturator"))).hasSize(1)
                .allMatch(e -> e instanceof DeviceEdit.Move);
        assertThat(DevicePlan.edits(now, List.of("Wavetable", "Phaser-Flanger", "Reverb")))
                .containsExactly(new DeviceEdit.Delete(1, "Saturator"), new DeviceEdit.Insert(1, "Phaser-Flanger"));
    }

    @Test
    void ourDeviceEndsUpLastWhereverItWas() {
        List<String> now = List.of(OURS, "Wavetable", "Saturator");
        List<DeviceEdit> edits = DevicePlan.edits(now, List.of("Wavetable", "Saturator"));
        assertThat(DevicePlan.apply(now, edits)).containsExactly("Wavetable", "Saturator", OURS);
        assertThat(edits).hasSize(1);
    }

    @Test
    void randomTracksAlwaysEndAsWantedWithNoMoreEditsThanStartingOver() {
        String[] names = {"Wavetable", "Saturator", "EQ Eight", "Multiband Dynamics", "Phaser-Flanger", "Reverb", "Utility"};
        Random random = new Random(11);
        for (int trial = 0; trial < 5000; trial++) {
            List<String> now = randomList(random, names);
            boolean ours = random.nextBoolean();
            if (ours) {
                now.add(random.nextInt(now.size() + 1), OURS);
            }
            List<String> wanted = randomList(random, names);
            List<DeviceEdit> edits = DevicePlan.edits(now, wanted);
            List<String> expected = new ArrayList<>(wanted);
            if (ours) {
                expected.add(OURS);
            }
            assertThat(DevicePlan.apply(now, edits)).as("%s → %s via %s", now, wanted, edits).isEqualTo(expected);
            int startOver = (now.size() - (ours ? 1 : 0)) + wanted.size() + (ours ? 1 : 0);
            assertThat(edits.size()).isLessThanOrEqualTo(startOver);
            assertThat(edits).noneMatch(e -> e instanceof DeviceEdit.Delete d && d.name().equals(OURS));
        }
    }

    private static List<String> randomList(Random random, String[] names) {
        List<String> out = new ArrayList<>();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            out.add(names[random.nextInt(names.length)]);
        }
        return out;
    }
}
