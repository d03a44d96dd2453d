package org.unmixer.live;

/** One structural change to a track's device list; indices are positions at the time it runs. */
public sealed interface DeviceEdit {
    /** {@code Track.delete_device(index)}. */
    record Delete(int index, String name) implements DeviceEdit {
        @Override
        public String toString() {
            return "delete " + name + " at " + index;
        }
    }

    /** {@code Song.move_device(device at from, track, to)}. */
    record Move(int from, int to, String name) implements DeviceEdit {
        @Override
        public String toString() {
            return "move " + name + " from " + from + " to " + to;
        }
    }

    /** {@code Track.insert_device(name, index)}. */
    record Insert(int index, String name) implements DeviceEdit {
        @Override
        public String toString() {
            return "insert " + name + " at " + index;
        }
    }
}
