// A fake Live set behind a LiveAPI-like interface, for the device's Node tests.
//
// It imitates the parts of the Live Object Model the device uses (reference notes §2): object
// ids, `get` returning arrays of atoms, `getcount`, `call` on Track (insert_device since 12.3,
// delete_device), Song (move_device: nearest valid position, returns the landing index),
// Application (get_*_version), DeviceParameter (setting outside [min, max] throws, quantized
// values round) and Wavetable's oscillator properties. Device order follows Live's mouse rules:
// MIDI effects, then the instrument, then audio effects.

'use strict';

const TYPE = { instrument: 1, audio: 2, midi: 4 };
const RANK = { 4: 0, 1: 1, 2: 2 };

function param(name, value, min, max, quantized) {
  return { name, value, min, max, quantized: quantized ? 1 : 0 };
}

const WAVETABLES = {
  Basics: ['Basic Shapes', 'Sine', 'Saw', 'Square'],
  Collection: ['Fat Stack', 'Glass'],
  Noise: ['White Noise']
};

/** What insert_device knows: Live's UI name → a fresh device. */
const CATALOG = {
  Saturator: () => ({
    name: 'Saturator', className: 'Saturator', type: TYPE.audio,
    parameters: [param('Device On', 1, 0, 1, true), param('Drive', 0, -36, 36), param('Type', 0, 0, 7, true),
      param('Dry/Wet', 1, 0, 1)]
  }),
  'EQ Eight': () => ({
    name: 'EQ Eight', className: 'Eq8', type: TYPE.audio,
    parameters: [param('Device On', 1, 0, 1, true), param('1 Frequency A', 0.2, 0, 1), param('1 Gain A', 0, -15, 15)]
  }),
  Reverb: () => ({
    name: 'Reverb', className: 'Reverb', type: TYPE.audio,
    parameters: [param('Device On', 1, 0, 1, true), param('Decay Time', 1200, 200, 60000)]
  }),
  Wavetable: () => ({
    name: 'Wavetable', className: 'InstrumentVector', type: TYPE.instrument,
    parameters: [param('Device On', 1, 0, 1, true), param('Osc 1 Pos', 0, 0, 1), param('Volume', -12, -70, 6)],
    wavetable: { osc: { 1: { category: 0, index: 0 }, 2: { category: 0, index: 1 } } }
  }),
  Arpeggiator: () => ({
    name: 'Arpeggiator', className: 'MidiArpeggiator', type: TYPE.midi,
    parameters: [param('Device On', 1, 0, 1, true), param('Rate', 5, 0, 20, true)]
  })
};

function unmixerDevice() {
  return { name: 'Un-Mixer Link', className: 'MxDeviceAudioEffect', type: TYPE.audio,
    parameters: [param('Device On', 1, 0, 1, true)], self: true };
}

/**
 * A fake set. options.version: [major, minor, bugfix]; options.tracks: arrays of device names
 * from CATALOG or 'Un-Mixer Link' (exactly one of those, the device under test).
 */
function makeFakeLive(options) {
  const version = options.version || [12, 3, 5];
  let nextId = 1;
  const objects = new Map();
  const calls = [];
  let breakNext = null;
  let ignoreInsert = false;

  function register(o) {
    o.id = nextId++;
    objects.set(o.id, o);
    return o;
  }

  function newDevice(name) {
    const d = name === 'Un-Mixer Link' ? unmixerDevice() : CATALOG[name]();
    register(d);
    d.parameters.forEach(register);
    return d;
  }

  const song = register({ kind: 'song' });
  const app = register({ kind: 'app' });
  const tracks = options.tracks.map((names) => {
    const t = register({ kind: 'track', devices: [] });
    t.devices = names.map(newDevice);
    return t;
  });

  function self() {
    for (const t of tracks) {
      const d = t.devices.find((x) => x.self);
      if (d) {
        return d;
      }
    }
    return null;
  }

  function pathOf(o) {
    for (let ti = 0; ti < tracks.length; ti++) {
      if (o === tracks[ti]) {
        return 'live_set tracks ' + ti;
      }
      const devices = tracks[ti].devices;
      for (let di = 0; di < devices.length; di++) {
        if (o === devices[di]) {
          return 'live_set tracks ' + ti + ' devices ' + di;
        }
        const k = devices[di].parameters.indexOf(o);
        if (k >= 0) {
          return 'live_set tracks ' + ti + ' devices ' + di + ' parameters ' + k;
        }
      }
    }
    return o === song ? 'live_set' : '';
  }

  /** Resolves a path once, at construction, as LiveAPI binds to an object id. */
  function resolve(path) {
    if (path === 'live_set') {
      return song;
    }
    if (path === 'live_app') {
      return app;
    }
    if (path === 'this_device') {
      return self();
    }
    const m = /^live_set tracks (\d+)(?: devices (\d+))?(?: parameters (\d+))?$/.exec(path);
    if (!m) {
      return null;
    }
    let o = tracks[Number(m[1])];
    if (o && m[2] !== undefined) {
      o = o.devices[Number(m[2])];
    }
    if (o && m[3] !== undefined) {
      o = o.parameters[Number(m[3])];
    }
    return o || null;
  }

  function checkBroken(what) {
    if (breakNext !== null) {
      const message = breakNext;
      breakNext = null;
      throw new Error(message + ' (' + what + ')');
    }
  }

  function trackOf(device) {
    return tracks.find((t) => t.devices.includes(device));
  }

  /** The valid gap nearest to `wanted` for a device of `type` in `list` (Live's mouse rules). */
  function nearestValid(list, type, wanted) {
    let best = -1;
    for (let g = 0; g <= list.length; g++) {
      const before = list.slice(0, g).every((d) => RANK[d.type] <= RANK[type]);
      const after = list.slice(g).every((d) => RANK[d.type] >= RANK[type]);
      if (before && after && (best < 0 || Math.abs(g - wanted) < Math.abs(best - wanted))) {
        best = g;
      }
    }
    return best;
  }

  function wavetableList(o, prop) {
    const categories = Object.keys(WAVETABLES);
    if (prop === 'oscillator_wavetable_categories') {
      return categories;
    }
    const m = /^oscillator_([12])_(wavetables|wavetable_category|wavetable_index)$/.exec(prop);
    if (!m) {
      return null;
    }
    const osc = o.wavetable.osc[m[1]];
    if (m[2] === 'wavetables') {
      return WAVETABLES[categories[osc.category]].slice();
    }
    return [m[2] === 'wavetable_category' ? osc.category : osc.index];
  }

  function get(o, prop) {
    checkBroken('get ' + prop);
    if (o.kind === 'track' && prop === 'devices') {
      return o.devices.flatMap((d) => ['id', d.id]);
    }
    if (o.parameters && prop === 'name') {
      return [o.name];
    }
    if (o.parameters && prop === 'class_name') {
      return [o.className];
    }
    if (o.parameters && prop === 'type') {
      return [o.type];
    }
    if (o.wavetable) {
      const v = wavetableList(o, prop);
      if (v !== null) {
        return v;
      }
    }
    if ('min' in o) {
      const v = { name: o.name, value: o.value, min: o.min, max: o.max, is_quantized: o.quantized }[prop];
      if (v !== undefined) {
        return [v];
      }
    }
    throw new Error("Invalid syntax: 'get " + prop + "'");
  }

  function set(o, prop, value) {
    checkBroken('set ' + prop);
    if ('min' in o && prop === 'value') {
      if (value < o.min || value > o.max) {
        throw new Error('Invalid value: ' + value + ' (' + o.name + ' is within ' + o.min + '..' + o.max + ')');
      }
      o.value = o.quantized ? Math.round(value) : value;
      return;
    }
    const m = o.wavetable && /^oscillator_([12])_(wavetable_category|wavetable_index)$/.exec(prop);
    if (m) {
      const osc = o.wavetable.osc[m[1]];
      if (m[2] === 'wavetable_category') {
        osc.category = value;
        osc.index = 0;
      } else {
        osc.index = value;
      }
      return;
    }
    throw new Error("Invalid syntax: 'set " + prop + "'");
  }

  function call(o, fn, args) {
    calls.push([fn].concat(args));
    checkBroken('call ' + fn);
    if (o === app) {
      return { get_major_version: version[0], get_minor_version: version[1], get_bugfix_version: version[2] }[fn];
    }
    if (o.kind === 'track' && fn === 'insert_device') {
      if (version[0] < 12 || (version[0] === 12 && version[1] < 3)) {
        throw new Error("Invalid function: 'insert_device'");
      }
      const [name, index] = args;
      if (!CATALOG[name]) {
        throw new Error("Device '" + name + "' not found");
      }
      if (ignoreInsert) {
        return undefined;
      }
      const d = newDevice(name);
      const at = index === undefined ? o.devices.length : index;
      if (nearestValid(o.devices, d.type, at) !== at) {
        objects.delete(d.id);
        throw new Error('Cannot insert ' + name + ' at ' + at);
      }
      o.devices.splice(at, 0, d);
      return undefined;
    }
    if (o.kind === 'track' && fn === 'delete_device') {
      const [index] = args;
      if (!(index >= 0 && index < o.devices.length)) {
        throw new Error('Bad index ' + index);
      }
      o.devices.splice(index, 1);
      return undefined;
    }
    if (o === song && fn === 'move_device') {
      // Objects arrive as "id N" pairs: id <device> id <target> <position>.
      if (args.length !== 5 || args[0] !== 'id' || args[2] !== 'id') {
        throw new Error('move_device: bad arguments ' + JSON.stringify(args));
      }
      const d = objects.get(args[1]);
      const target = objects.get(args[3]);
      const to = args[4];
      const from = trackOf(d);
      const oldIndex = from.devices.indexOf(d);
      from.devices.splice(oldIndex, 1);
      // Same track: the position counts gaps in the list as it was, the device included.
      const wanted = from === target && to > oldIndex ? to - 1 : to;
      const landing = nearestValid(target.devices, d.type, wanted);
      if (landing < 0) {
        from.devices.splice(oldIndex, 0, d);
        throw new Error('Cannot move ' + d.name + ' there');
      }
      target.devices.splice(landing, 0, d);
      return landing;
    }
    throw new Error("Invalid function: '" + fn + "'");
  }

  function liveApi(path) {
    const o = resolve(path);
    return {
      get id() {
        return o ? o.id : 0;
      },
      get unquotedpath() {
        return o ? pathOf(o) : '';
      },
      get(prop) {
        return get(o, prop);
      },
      set(prop, value) {
        set(o, prop, value);
      },
      call(fn, ...args) {
        return call(o, fn, args);
      },
      getcount(child) {
        checkBroken('getcount ' + child);
        if (child === 'devices') {
          return o.devices.length;
        }
        if (child === 'parameters') {
          return o.parameters.length;
        }
        throw new Error('getcount: no list ' + child);
      }
    };
  }

  return {
    liveApi,
    calls,
    tracks,
    /** Device names on track `t`, in order. */
    names: (t) => tracks[t].devices.map((d) => d.name),
    device: (t, i) => tracks[t].devices[i],
    /** The next Live API operation throws `message`. */
    breakNext: (message) => { breakNext = message; },
    /** insert_device silently does nothing (as a LiveAPI call that only posts an error). */
    ignoreInserts: () => { ignoreInsert = true; }
  };
}

/** A fake of the patcher's audio part: records what it was asked, finishes when told to. */
function makeFakeAudio() {
  const log = [];
  const pending = { load: null, record: null };
  return {
    log,
    pending,
    load(path, done) {
      log.push(['load', path]);
      pending.load = done;
    },
    ab(which, fadeMs) {
      log.push(['ab', which, fadeMs]);
    },
    play() {
      log.push(['play']);
    },
    stop() {
      log.push(['stop']);
    },
    record(path, seconds, done) {
      log.push(['record', path, seconds]);
      pending.record = done;
    }
  };
}

module.exports = { makeFakeLive, makeFakeAudio, WAVETABLES };
