// Un-Mixer Link: the Max for Live device's logic (OSC contract: max-device/PROTOCOL.md).
//
// Copyright (C) Neural Un-Mixer contributors. GPL-3.0-or-later.
//
// Everything above the "Max glue" section is plain JavaScript with no Max global in it: the Live
// API, the replies and the audio objects reach it only through the `env` passed to makeDevice, so
// Node's test runner can drive it with a fake Live set (max-device/test/). The glue at the bottom
// runs only inside Max's `v8` object, where it wires inlets, outlets and LiveAPI to that env.

var PROTOCOL = 'unmixer-device/1';

/** Live 12.3 is the first release with Track.insert_device (reference notes section 2.1). */
var INSERT_SINCE = [12, 3];

/** Crossfade time of the A/B switch in ms (PROTOCOL.md: "a 5 ms crossfade"). */
var AB_FADE_MS = 5;

/**
 * Values this close to a bound (as a fraction of the parameter's range) are taken as the bound:
 * the app sends float32, Live holds doubles, so a bound sent back as f may miss it by one ulp.
 */
var BOUND_TOLERANCE = 1e-6;

/** A request that cannot be carried out: becomes `/unmixer/error id code "message"`. */
function RequestError(code, message) {
  this.code = code;
  this.message = message;
}

function fail(code, message) {
  throw new RequestError(code, message);
}

// ---------------------------------------------------------------------------------------------
// Argument checks (bad-request)

function isInt(x) {
  return typeof x === 'number' && Number.isInteger(x);
}

function intArg(args, i, what) {
  if (!isInt(args[i])) {
    fail('bad-request', what + ' must be an int (got ' + describe(args[i]) + ')');
  }
  return args[i];
}

function numberArg(args, i, what) {
  if (typeof args[i] !== 'number' || !isFinite(args[i])) {
    fail('bad-request', what + ' must be a number (got ' + describe(args[i]) + ')');
  }
  return args[i];
}

function stringArg(args, i, what) {
  if (typeof args[i] !== 'string' || args[i].length === 0) {
    fail('bad-request', what + ' must be a non-empty string (got ' + describe(args[i]) + ')');
  }
  return args[i];
}

/** An absolute path as Max takes it: POSIX "/...", Windows "C:/..." or "C:\...", or "Volume:/...". */
function pathArg(args, i) {
  var path = stringArg(args, i, 'path');
  if (!/^(\/|[A-Za-z]:[\\/]|[^\/\\:]+:\/)/.test(path)) {
    fail('bad-request', 'path must be absolute (got "' + path + '")');
  }
  return path;
}

function describe(x) {
  if (x === undefined) {
    return 'nothing';
  }
  return typeof x === 'string' ? '"' + x + '"' : String(x);
}

// ---------------------------------------------------------------------------------------------
// Reading the Live API. LiveAPI.get returns an array of atoms; names come back as one string.

function one(api, prop) {
  var v = api.get(prop);
  return Array.isArray(v) ? v[0] : v;
}

function text(api, prop) {
  var v = api.get(prop);
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** A list of names (e.g. `oscillator_wavetable_categories`): one element per name. */
function names(api, prop) {
  var v = api.get(prop);
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** `devices` as LiveAPI gives it (["id", 3, "id", 7]) turned into the ids [3, 7]. */
function ids(api, prop) {
  var v = api.get(prop);
  var out = [];
  for (var i = 0; i < v.length; i++) {
    if (v[i] !== 'id') {
      out.push(Number(v[i]));
    }
  }
  return out;
}

function versionOf(liveApi) {
  var app = liveApi('live_app');
  var parts = [app.call('get_major_version'), app.call('get_minor_version'), app.call('get_bugfix_version')];
  return parts.map(function (p) { return Number(Array.isArray(p) ? p[0] : p); });
}

function versionAtLeast(v, min) {
  return v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]);
}

// ---------------------------------------------------------------------------------------------
// The device

/**
 * Builds the device logic.
 *
 * env.liveApi(path)  -> a LiveAPI-like object for a LOM path ("live_set tracks 2", "this_device",
 *                      "live_app"): get(prop) -> array, set(prop, value), call(fn, ...args),
 *                      getcount(child) -> int, unquotedpath.
 * env.send(address, args)  sends one OSC message to the app.
 * env.audio          the patcher's audio part: load(path, done(err, lengthMs)), ab(which, fadeMs),
 *                      play(), stop(), record(path, seconds, done(err)); `err` is a one-line string.
 *
 * Returns { handle(address, args), ready() }.
 */
function makeDevice(env) {
  var liveApi = env.liveApi;
  var send = env.send;
  var audio = env.audio;
  var loading = false;
  var recording = false;

  function ok(id, values) {
    send('/unmixer/ok', [id].concat(values || []));
  }

  function error(id, code, message) {
    send('/unmixer/error', [id, code, message]);
  }

  /** Where this device sits: { track, device } indices in `live_set tracks T devices D`. */
  function self() {
    var path = liveApi('this_device').unquotedpath;
    var m = /^live_set tracks (\d+) devices (\d+)$/.exec(String(path).trim());
    if (!m) {
      fail('not-supported', 'the Un-Mixer device must sit directly on a track (it is at "' + path + '")');
    }
    return { track: Number(m[1]), device: Number(m[2]) };
  }

  function trackPath() {
    return 'live_set tracks ' + self().track;
  }

  function deviceCount(tp) {
    return liveApi(tp).getcount('devices');
  }

  /** The device at `index` on our track as { api, path }, or no-such-device. */
  function deviceAt(index) {
    var tp = trackPath();
    var count = deviceCount(tp);
    if (index < 0 || index >= count) {
      fail('no-such-device', 'no device at index ' + index + ' (the track has ' + count + ')');
    }
    var path = tp + ' devices ' + index;
    return { api: liveApi(path), path: path };
  }

  function versionString() {
    return versionOf(liveApi).join('.');
  }

  var handlers = {
    hello: function (id) {
      var me = self();
      ok(id, [PROTOCOL, versionString(), me.track, me.device]);
    },

    devices: function (id) {
      var tp = trackPath();
      var count = deviceCount(tp);
      var out = [];
      for (var i = 0; i < count; i++) {
        var d = liveApi(tp + ' devices ' + i);
        out.push(text(d, 'name'), text(d, 'class_name'), Number(one(d, 'type')));
      }
      ok(id, out);
    },

    insert: function (id, args) {
      var name = stringArg(args, 1, 'device name');
      var index = intArg(args, 2, 'index');
      var version = versionOf(liveApi);
      if (!versionAtLeast(version, INSERT_SINCE)) {
        fail('not-supported', 'inserting devices needs Live 12.3 or later (this is ' + version.join('.') + ')');
      }
      var tp = trackPath();
      var track = liveApi(tp);
      var before = ids(track, 'devices');
      if (index < 0 || index > before.length) {
        fail('no-such-device', 'cannot insert at index ' + index + ' (the track has ' + before.length + ' devices)');
      }
      track.call('insert_device', name, index);
      // What insert_device returns is not documented; the device list says where it landed.
      var after = ids(track, 'devices');
      for (var i = 0; i < after.length; i++) {
        if (before.indexOf(after[i]) < 0) {
          ok(id, [i]);
          return;
        }
      }
      fail('live-error', 'Live inserted no device for "' + name + '" (unknown name, or not allowed there)');
    },

    move: function (id, args) {
      var from = intArg(args, 1, 'from');
      var to = intArg(args, 2, 'to');
      var tp = trackPath();
      var track = liveApi(tp);
      var before = ids(track, 'devices');
      if (from < 0 || from >= before.length) {
        fail('no-such-device', 'no device at index ' + from + ' (the track has ' + before.length + ')');
      }
      if (to < 0 || to > before.length) {
        fail('no-such-device', 'cannot move to index ' + to + ' (the track has ' + before.length + ' devices)');
      }
      var moving = before[from];
      // LOM objects are passed to a call as "id N" pairs.
      liveApi('live_set').call('move_device', 'id', moving, 'id', Number(track.id), to);
      var landed = ids(track, 'devices').indexOf(moving);
      if (landed < 0) {
        fail('live-error', 'the device left the track while moving');
      }
      ok(id, [landed]);
    },

    delete: function (id, args) {
      var index = intArg(args, 1, 'index');
      var me = self();
      var tp = 'live_set tracks ' + me.track;
      var track = liveApi(tp);
      var count = track.getcount('devices');
      if (index < 0 || index >= count) {
        fail('no-such-device', 'no device at index ' + index + ' (the track has ' + count + ')');
      }
      if (index === me.device) {
        fail('bad-request', 'the Un-Mixer device does not delete itself (index ' + index + ')');
      }
      track.call('delete_device', index);
      if (track.getcount('devices') !== count - 1) {
        fail('live-error', 'Live did not delete the device at index ' + index);
      }
      ok(id, []);
    },

    params: function (id, args) {
      var device = deviceAt(intArg(args, 1, 'deviceIndex'));
      var count = device.api.getcount('parameters');
      var out = [];
      for (var k = 0; k < count; k++) {
        var p = liveApi(device.path + ' parameters ' + k);
        out.push(text(p, 'name'), Number(one(p, 'value')), Number(one(p, 'min')), Number(one(p, 'max')),
            Number(one(p, 'is_quantized')) ? 1 : 0);
      }
      ok(id, out);
    },

    set: function (id, args) {
      var index = intArg(args, 1, 'deviceIndex');
      var name = stringArg(args, 2, 'parameter name');
      var value = numberArg(args, 3, 'value');
      var device = deviceAt(index);
      var p = parameterNamed(device, name);
      var min = Number(one(p, 'min'));
      var max = Number(one(p, 'max'));
      var slack = BOUND_TOLERANCE * Math.max(1, Math.abs(max - min));
      if (value < min - slack || value > max + slack) {
        fail('out-of-range', text(device.api, 'name') + ' ' + name + ' must be within [' + min + ', ' + max
            + '] (got ' + value + ')');
      }
      p.set('value', Math.min(max, Math.max(min, value)));
      ok(id, [Number(one(p, 'value'))]);
    },

    wavetable: function (id, args) {
      var index = intArg(args, 1, 'deviceIndex');
      var osc = intArg(args, 2, 'oscillator');
      var category = stringArg(args, 3, 'category');
      var table = stringArg(args, 4, 'wavetable name');
      if (osc !== 1 && osc !== 2) {
        fail('bad-request', 'oscillator must be 1 or 2 (got ' + osc + ')');
      }
      var device = deviceAt(index).api;
      if (text(device, 'class_name') !== 'InstrumentVector') {
        fail('bad-request', 'device ' + index + ' is ' + text(device, 'name') + ', not a Wavetable');
      }
      var categories = names(device, 'oscillator_wavetable_categories');
      var c = categories.indexOf(category);
      if (c < 0) {
        fail('no-such-parameter', 'Wavetable has no wavetable category "' + category + '"');
      }
      var prefix = 'oscillator_' + osc + '_';
      device.set(prefix + 'wavetable_category', c);
      var w = names(device, prefix + 'wavetables').indexOf(table);
      if (w < 0) {
        fail('no-such-parameter', 'Wavetable has no wavetable "' + table + '" in ' + category);
      }
      device.set(prefix + 'wavetable_index', w);
      ok(id, [Number(one(device, prefix + 'wavetable_category')), Number(one(device, prefix + 'wavetable_index'))]);
    },

    load: function (id, args) {
      var path = pathArg(args, 1);
      if (loading) {
        fail('busy', 'a file is still loading');
      }
      loading = true;
      audio.load(path, function (err, lengthMs) {
        loading = false;
        if (err) {
          error(id, 'file-error', 'cannot read "' + path + '": ' + err);
        } else {
          ok(id, [lengthMs]);
        }
      });
    },

    ab: function (id, args) {
      var which = intArg(args, 1, 'which');
      if (which !== 0 && which !== 1) {
        fail('bad-request', 'which must be 0 (the track) or 1 (the original) (got ' + which + ')');
      }
      audio.ab(which, AB_FADE_MS);
      ok(id, [which]);
    },

    play: function (id) {
      audio.play();
      ok(id, []);
    },

    stop: function (id) {
      audio.stop();
      ok(id, []);
    },

    record: function (id, args) {
      var path = pathArg(args, 1);
      var seconds = numberArg(args, 2, 'seconds');
      if (!(seconds > 0)) {
        fail('bad-request', 'seconds must be more than 0 (got ' + seconds + ')');
      }
      if (!/\.wave?$/i.test(path)) {
        fail('bad-request', 'recordings are WAV files; the path must end in .wav (got "' + path + '")');
      }
      if (recording) {
        fail('busy', 'a recording is already running');
      }
      recording = true;
      ok(id, []);
      audio.record(path, seconds, function (err) {
        recording = false;
        if (err) {
          error(0, 'file-error', 'recording ' + id + ' to "' + path + '" failed: ' + err);
        } else {
          send('/unmixer/recorded', [id, path]);
        }
      });
    }
  };

  /** A parameter of `device` by Live's name, found at run time (never by a fixed index). */
  function parameterNamed(device, name) {
    var count = device.api.getcount('parameters');
    for (var k = 0; k < count; k++) {
      var p = liveApi(device.path + ' parameters ' + k);
      if (text(p, 'name') === name) {
        return p;
      }
    }
    return fail('no-such-parameter', text(device.api, 'name') + ' has no parameter "' + name + '"');
  }

  /** Dispatches one request (PROTOCOL.md "Requests"); every outcome is a reply through env.send. */
  function handle(address, args) {
    args = args || [];
    var id = args[0];
    if (!isInt(id) || id < 1) {
      error(0, 'bad-request', 'the request id must be an int >= 1 (got ' + describe(id) + ' on ' + address + ')');
      return;
    }
    var m = /^\/unmixer\/([a-z]+)$/.exec(String(address));
    var handler = m && Object.prototype.hasOwnProperty.call(handlers, m[1]) ? handlers[m[1]] : null;
    if (!handler) {
      error(id, 'unknown-address', 'the device does not know ' + address);
      return;
    }
    try {
      handler(id, args);
    } catch (e) {
      if (e instanceof RequestError) {
        error(id, e.code, e.message);
      } else {
        error(id, 'live-error', oneLine(e));
      }
    }
  }

  /** Pushes `/unmixer/ready` (or an error 0 when the device cannot work where it is). */
  function ready() {
    try {
      var me = self();
      send('/unmixer/ready', [PROTOCOL, me.track, me.device]);
    } catch (e) {
      error(0, e instanceof RequestError ? e.code : 'live-error', e instanceof RequestError ? e.message : oneLine(e));
    }
  }

  return { handle: handle, ready: ready };
}

function oneLine(e) {
  var s = e && e.message ? e.message : String(e);
  return s.split('\n')[0];
}

// ---------------------------------------------------------------------------------------------
// Max glue: runs only inside Max's v8 object (LiveAPI, outlet and messagename exist there only).

var IN_MAX = typeof LiveAPI === 'function' && typeof outlet === 'function';

/**
 * Outlets of the v8 box (unmixer.maxpat): 0 -> udpsend, 1 -> buffer~, 2 -> `route xfade seek speed
 * rec chans udpport replyport`, which feeds line~ (A/B), groove~ (position), sig~ (its speed),
 * sfrecord~, selector~ (mono/stereo original), udpreceive's and udpsend's `port`.
 */
var OUT_OSC = 0;
var OUT_BUFFER = 1;
var OUT_AUDIO = 2;
var BUFFER_NAME = '---unmixer-original';
/** How long after stopping sfrecord~ the file is looked for (ms); a guess, see README. */
var RECORD_SETTLE_MS = 250;
/** How long buffer~ may take to read the original before the load is reported failed (ms). */
var LOAD_TIMEOUT_MS = 10000;

var unmixer = null;
var pendingLoad = null;
var loadTimeout = null;
var recordTask = null;

if (IN_MAX) {
  inlets = 1;
  outlets = 3;
}

function maxEnv() {
  return {
    liveApi: function (path) {
      return new LiveAPI(null, path);
    },
    send: function (address, args) {
      outlet(OUT_OSC, [address].concat(args));
    },
    audio: {
      load: function (path, done) {
        var f = new File(path, 'read');
        var readable = f.isopen;
        f.close();
        if (!readable) {
          done('no such file, or not readable');
          return;
        }
        pendingLoad = done;
        // buffer~ bangs when it has read a file; if it never does (a format it cannot read), give up.
        loadTimeout = new Task(function () {
          finishLoad('buffer~ did not finish reading it (not an audio file it knows?)');
        });
        loadTimeout.schedule(LOAD_TIMEOUT_MS);
        outlet(OUT_BUFFER, 'replace', path);
      },
      ab: function (which, fadeMs) {
        outlet(OUT_AUDIO, 'xfade', which, fadeMs);
      },
      play: function () {
        outlet(OUT_AUDIO, 'seek', 0);
        outlet(OUT_AUDIO, 'speed', 1);
      },
      stop: function () {
        outlet(OUT_AUDIO, 'speed', 0);
      },
      record: function (path, seconds, done) {
        outlet(OUT_AUDIO, 'rec', 'open', path, 'wave');
        outlet(OUT_AUDIO, 'rec', 1);
        recordTask = new Task(function () {
          outlet(OUT_AUDIO, 'rec', 0); // stops recording and closes the file
          // sfrecord~ writes from its disk thread: look for the file a moment later.
          recordTask = new Task(function () {
            recordTask = null;
            var f = new File(path, 'read');
            var written = f.isopen;
            f.close();
            done(written ? null : 'the file was not written');
          });
          recordTask.schedule(RECORD_SETTLE_MS);
        });
        recordTask.schedule(seconds * 1000);
      }
    }
  };
}

/** live.thisdevice has banged: the Live API is usable from now on. */
function init() {
  unmixer = makeDevice(maxEnv());
  unmixer.ready();
}

/** Every OSC message from udpreceive arrives here with its address as the message name. */
function anything() {
  var args = arrayfromargs(arguments);
  if (unmixer === null) {
    outlet(OUT_OSC, ['/unmixer/error', isInt(args[0]) && args[0] >= 1 ? args[0] : 0, 'busy',
        'the device is still loading']);
    return;
  }
  unmixer.handle(messagename, args);
}

/** buffer~ reports that `replace` finished. */
function loaded() {
  if (pendingLoad !== null) {
    var buffer = new Buffer(BUFFER_NAME);
    // A mono original plays on both sides: selector~ takes the right side from the left channel.
    outlet(OUT_AUDIO, 'chans', buffer.channelcount() >= 2 ? 2 : 1);
    finishLoad(null, buffer.length());
  }
}

function finishLoad(err, lengthMs) {
  if (loadTimeout !== null) {
    loadTimeout.cancel();
    loadTimeout = null;
  }
  if (pendingLoad !== null) {
    var done = pendingLoad;
    pendingLoad = null;
    done(err, lengthMs);
  }
}

/** `port N`: listen for requests on another UDP port. */
function port(n) {
  outlet(OUT_AUDIO, 'udpport', n);
}

/** `replyport N`: send replies to another UDP port. */
function replyport(n) {
  outlet(OUT_AUDIO, 'replyport', n);
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = { makeDevice: makeDevice, PROTOCOL: PROTOCOL, AB_FADE_MS: AB_FADE_MS };
}
