package org.unmixer.model.proxy;

import java.util.List;
import org.unmixer.dsp.effects.PhaserFlanger;
import org.unmixer.params.DeviceSettings;

/**
 * Side information a proxy gets beside the signal, as extra input channels: what the device's output
 * depends on that is not in the input audio or the settings' values alone. Phaser-Flanger's LFO starts
 * at phase 0 at the render start, so its position at every sample is known from the settings; the
 * network is given it rather than left to infer time.
 */
public final class ProxySideChannels {
    private ProxySideChannels() {
    }

    /** How many side channels a proxy of this device takes. */
    public static int count(String device) {
        return device.equals(PhaserFlanger.DEVICE_NAME) ? 1 : 0;
    }

    /** The side channels for one audio channel (0 left, 1 right) of a render of {@code samples}. */
    public static List<float[]> of(DeviceSettings settings, int samples, double sampleRate, int channel) {
        if (count(settings.device().name()) == 0) {
            return List.of();
        }
        return List.of(PhaserFlanger.lfoTrack(settings, samples, sampleRate, channel));
    }
}
