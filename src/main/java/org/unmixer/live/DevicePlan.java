package org.unmixer.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The fewest device edits that turn a track's device list into the wanted one (pure). Devices are
 * compared by a key the caller chooses (the rebuild uses Live's class name, and the name for Max for
 * Live devices). The longest common subsequence stays where it is; a device that is
 * present but out of order is moved rather than deleted and re-inserted (it is one edit, not two);
 * the rest is deleted or inserted. The Un-Mixer device, when present, is kept and ends up last, so
 * that its A/B switch sees the whole chain.
 */
public final class DevicePlan {
    /** Live's name of our Max for Live device on the track (its key: Max devices share a class). */
    public static final String OUR_DEVICE = "Un-Mixer Link";

    private DevicePlan() {
    }

    /**
     * @param current the track's device names, in order, as Live lists them
     * @param wanted the device names the patch needs, in order (instrument first), without ours
     * @return edits to run in order; applying them yields {@code wanted} followed by ours if present
     */
    public static List<DeviceEdit> edits(List<String> current, List<String> wanted) {
        List<String> work = new ArrayList<>(current);
        boolean ours = work.contains(OUR_DEVICE);
        boolean[] keep = lcsKeep(current, wanted);
        // Devices outside the common subsequence that a wanted device can reuse are moved.
        List<String> missing = missingNames(current, wanted, keep);
        List<DeviceEdit> edits = new ArrayList<>();
        boolean[] reuse = new boolean[current.size()];
        for (int i = 0; i < current.size(); i++) {
            String name = current.get(i);
            if (!keep[i] && !name.equals(OUR_DEVICE) && missing.remove(name)) {
                reuse[i] = true;
            }
        }
        for (int i = current.size() - 1; i >= 0; i--) {
            if (!keep[i] && !reuse[i] && !current.get(i).equals(OUR_DEVICE)) {
                edits.add(new DeviceEdit.Delete(i, current.get(i)));
                work.remove(i);
            }
        }
        if (ours && work.indexOf(OUR_DEVICE) != work.size() - 1) {
            // Moving ours to the end first lets everything before it stay where it is.
            int from = work.indexOf(OUR_DEVICE);
            edits.add(new DeviceEdit.Move(from, work.size() - 1, OUR_DEVICE));
            work.add(work.remove(from));
        }
        for (int target = 0; target < wanted.size(); target++) {
            String name = wanted.get(target);
            if (target < work.size() && work.get(target).equals(name)) {
                continue;
            }
            int from = indexOf(work, name, target + 1);
            if (from >= 0) {
                edits.add(new DeviceEdit.Move(from, target, name));
                work.add(target, work.remove(from));
            } else {
                edits.add(new DeviceEdit.Insert(target, name));
                work.add(target, name);
            }
        }
        return edits;
    }

    /** Applies edits to a list of names as Live would (used by tests and to predict indices). */
    public static List<String> apply(List<String> current, List<DeviceEdit> edits) {
        List<String> work = new ArrayList<>(current);
        for (DeviceEdit e : edits) {
            if (e instanceof DeviceEdit.Delete d) {
                work.remove(d.index());
            } else if (e instanceof DeviceEdit.Move m) {
                work.add(m.to(), work.remove(m.from()));
            } else if (e instanceof DeviceEdit.Insert in) {
                work.add(in.index(), in.name());
            }
        }
        return work;
    }

    private static boolean[] lcsKeep(List<String> a, List<String> b) {
        int[][] len = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        boolean[] keep = new boolean[a.size()];
        for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
            if (a.get(i).equals(b.get(j))) {
                keep[i] = true;
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return keep;
    }

    private static List<String> missingNames(List<String> current, List<String> wanted, boolean[] keep) {
        List<String> missing = new ArrayList<>(wanted);
        for (int i = 0; i < current.size(); i++) {
            if (keep[i]) {
                missing.remove(current.get(i));
            }
        }
        return missing;
    }

    private static int indexOf(List<String> list, String name, int from) {
        for (int i = from; i < list.size(); i++) {
            if (list.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
