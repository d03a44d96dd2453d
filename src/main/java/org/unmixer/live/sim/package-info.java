/**
 * The Live set simulator: a stand-in for Ableton Live 12 with the AbletonOSC remote script and our
 * Max for Live device, over UDP on 127.0.0.1 ({@code ./unmixer fake-live}; the bridge's tests).
 *
 * <p>Entry points: {@link org.unmixer.live.sim.LiveSetSimulator#start} with
 * {@link org.unmixer.live.sim.LiveSimOptions}, the fault hooks on the simulator, and
 * {@link org.unmixer.live.sim.SetSnapshot} to assert on.
 *
 * <p>Sources: ableton-integration.md §1 (AbletonOSC: replies on the query's address with indices
 * echoed, no request ids, errors as {@code /live/error}, the 100 ms tick, device types
 * 1/2/4) and §2 (the Live Object Model), and {@code max-device/PROTOCOL.md}. Where those leave
 * Live's behaviour open the simulator assumes [I]:
 * <ul>
 *   <li>a quantized parameter set to a fraction rounds to the nearest step, halves up;</li>
 *   <li>{@code /live/device/set/parameters/value} assigns in order, so a value out of range stops
 *       it with the earlier ones set (AbletonOSC loops over the values);</li>
 *   <li>an out-of-range index of any kind is {@code "Error handling OSC message: Index out of range"};</li>
 *   <li>a MIDI track holds MIDI effects, at most one instrument, then audio effects; an audio track
 *       audio effects only. {@code insert_device} at a position that breaks this throws (the LOM
 *       says it throws when insertion is not possible); {@code move_device} lands on the nearest
 *       valid position (ties to the earlier), its target counting gaps in the current list as a
 *       mouse drop does;</li>
 *   <li>a new MIDI track is named "N-MIDI" after its position; the set has 8 scenes;</li>
 *   <li>notes come back sorted by start then pitch, velocity as a float, mute as a boolean;</li>
 *   <li>Wavetable's wavetable lists hold the tables the reference renderer knows, under Live's 12
 *       categories (categories without such tables are empty).</li>
 * </ul>
 */
package org.unmixer.live.sim;
