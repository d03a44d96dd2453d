// The device logic against a fake Live set: every request of PROTOCOL.md and its errors.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { makeDevice, PROTOCOL, AB_FADE_MS } = require('../src/unmixer.js');
const { makeFakeLive, makeFakeAudio } = require('./fake-live.js');

/** A set with an empty track 0 and, on track 1, Wavetable → Saturator → Reverb → Un-Mixer Link. */
function setup(version) {
  const live = makeFakeLive({
    version: version || [12, 3, 5],
    tracks: [[], ['Wavetable', 'Saturator', 'Reverb', 'Un-Mixer Link']]
  });
  const audio = makeFakeAudio();
  const replies = [];
  const device = makeDevice({ liveApi: live.liveApi, send: (address, args) => replies.push([address, ...args]), audio });
  /** Sends one request and returns the replies it produced. */
  function request(address, ...args) {
    const start = replies.length;
    device.handle(address, args);
    return replies.slice(start);
  }
  /** Sends one request that must produce exactly one reply, and returns it. */
  function ask(address, ...args) {
    const out = request(address, ...args);
    assert.equal(out.length, 1, 'one reply to ' + address + ', got ' + JSON.stringify(out));
    return out[0];
  }
  return { live, audio, device, replies, request, ask };
}

function assertError(reply, id, code, messagePart) {
  assert.equal(reply[0], '/unmixer/error', JSON.stringify(reply));
  assert.equal(reply[1], id);
  assert.equal(reply[2], code, JSON.stringify(reply));
  assert.equal(typeof reply[3], 'string');
  assert.ok(!reply[3].includes('\n'), 'one-line message');
  if (messagePart) {
    assert.ok(reply[3].includes(messagePart), JSON.stringify(reply[3]) + ' should contain ' + JSON.stringify(messagePart));
  }
}

test('ready is pushed with the protocol and the device\'s own track and position', () => {
  const s = setup();
  s.device.ready();
  assert.deepEqual(s.replies, [['/unmixer/ready', PROTOCOL, 1, 3]]);
});

test('hello reports protocol, Live version and where the device sits', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/hello', 1), ['/unmixer/ok', 1, 'unmixer-device/1', '12.3.5', 1, 3]);
});

test('hello follows the device when devices before it are deleted', () => {
  const s = setup();
  s.ask('/unmixer/delete', 1, 2);
  assert.deepEqual(s.ask('/unmixer/hello', 2), ['/unmixer/ok', 2, PROTOCOL, '12.3.5', 1, 2]);
});

test('devices lists name, class name and type in Live\'s order, flat', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/devices', 7), ['/unmixer/ok', 7,
    'Wavetable', 'InstrumentVector', 1,
    'Saturator', 'Saturator', 2,
    'Reverb', 'Reverb', 2,
    'Un-Mixer Link', 'MxDeviceAudioEffect', 2]);
});

test('insert puts the device where asked and answers the index read back', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/insert', 2, 'EQ Eight', 2), ['/unmixer/ok', 2, 2]);
  assert.deepEqual(s.live.names(1), ['Wavetable', 'Saturator', 'EQ Eight', 'Reverb', 'Un-Mixer Link']);
  assert.deepEqual(s.live.calls.at(-1), ['insert_device', 'EQ Eight', 2]);
});

test('insert at the device count appends, after the Un-Mixer device if the app asks so', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/insert', 2, 'Reverb', 4), ['/unmixer/ok', 2, 4]);
  assert.deepEqual(s.live.names(1), ['Wavetable', 'Saturator', 'Reverb', 'Un-Mixer Link', 'Reverb']);
  assert.deepEqual(s.ask('/unmixer/hello', 3).slice(4), [1, 3]);
});

test('insert on Live 12.2 is not-supported and names the version', () => {
  const s = setup([12, 2, 5]);
  assert.deepEqual(s.ask('/unmixer/insert', 5, 'Saturator', 1), ['/unmixer/error', 5, 'not-supported',
    'inserting devices needs Live 12.3 or later (this is 12.2.5)']);
  assert.equal(s.live.names(1).length, 4);
});

test('insert at an index beyond the end is no-such-device', () => {
  const s = setup();
  assertError(s.ask('/unmixer/insert', 3, 'Saturator', 9), 3, 'no-such-device', 'index 9');
  assertError(s.ask('/unmixer/insert', 4, 'Saturator', -1), 4, 'no-such-device');
});

test('insert that Live refuses is live-error carrying Live\'s text', () => {
  const s = setup();
  assertError(s.ask('/unmixer/insert', 3, 'Saturatr', 1), 3, 'live-error', "Device 'Saturatr' not found");
  // An audio effect cannot go before the instrument.
  assertError(s.ask('/unmixer/insert', 4, 'Reverb', 0), 4, 'live-error', 'Cannot insert');
});

test('insert that Live silently ignores is live-error, not a made-up index', () => {
  const s = setup();
  s.live.ignoreInserts();
  assertError(s.ask('/unmixer/insert', 3, 'Saturator', 1), 3, 'live-error', 'inserted no device');
});

test('insert with missing or ill-typed arguments is bad-request', () => {
  const s = setup();
  assertError(s.ask('/unmixer/insert', 3), 3, 'bad-request', 'device name');
  assertError(s.ask('/unmixer/insert', 4, 'Saturator'), 4, 'bad-request', 'index');
  assertError(s.ask('/unmixer/insert', 5, 'Saturator', 1.5), 5, 'bad-request', 'index');
  assertError(s.ask('/unmixer/insert', 6, 12, 1), 6, 'bad-request', 'device name');
});

test('move uses Song.move_device with id pairs and answers where the device landed', () => {
  const s = setup();
  // Reverb (2) to before Saturator (1).
  assert.deepEqual(s.ask('/unmixer/move', 8, 2, 1), ['/unmixer/ok', 8, 1]);
  assert.deepEqual(s.live.names(1), ['Wavetable', 'Reverb', 'Saturator', 'Un-Mixer Link']);
  const call = s.live.calls.at(-1);
  assert.equal(call[0], 'move_device');
  assert.deepEqual([call[1], call[3]], ['id', 'id']);
  assert.equal(call[2], s.live.device(1, 1).id);
  assert.equal(call[4], s.live.tracks[1].id);
  assert.equal(call[5], 1);
});

test('move to an invalid place lands on the nearest valid position, which is answered', () => {
  const s = setup();
  // An audio effect asked to go before the instrument lands right after it.
  assert.deepEqual(s.ask('/unmixer/move', 9, 2, 0), ['/unmixer/ok', 9, 1]);
  assert.deepEqual(s.live.names(1), ['Wavetable', 'Reverb', 'Saturator', 'Un-Mixer Link']);
});

test('move to the end counts positions in the list as it was', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/move', 10, 1, 4), ['/unmixer/ok', 10, 3]);
  assert.deepEqual(s.live.names(1), ['Wavetable', 'Reverb', 'Un-Mixer Link', 'Saturator']);
});

test('move with bad indices is no-such-device and touches nothing', () => {
  const s = setup();
  assertError(s.ask('/unmixer/move', 11, 4, 0), 11, 'no-such-device', 'index 4');
  assertError(s.ask('/unmixer/move', 12, 1, 5), 12, 'no-such-device', 'index 5');
  assertError(s.ask('/unmixer/move', 13, 1), 13, 'bad-request', 'to');
  assert.equal(s.live.calls.filter((c) => c[0] === 'move_device').length, 0);
});

test('delete removes the device at the index', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/delete', 14, 1), ['/unmixer/ok', 14]);
  assert.deepEqual(s.live.names(1), ['Wavetable', 'Reverb', 'Un-Mixer Link']);
});

test('delete of a missing index is no-such-device; of the device itself bad-request', () => {
  const s = setup();
  assertError(s.ask('/unmixer/delete', 15, 4), 15, 'no-such-device', 'has 4');
  assertError(s.ask('/unmixer/delete', 16, 3), 16, 'bad-request', 'itself');
  assert.equal(s.live.names(1).length, 4);
});

test('params lists name, value, min, max and quantized for every parameter, flat', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/params', 17, 1), ['/unmixer/ok', 17,
    'Device On', 1, 0, 1, 1,
    'Drive', 0, -36, 36, 0,
    'Type', 0, 0, 7, 1,
    'Dry/Wet', 1, 0, 1, 0]);
  assertError(s.ask('/unmixer/params', 18, 4), 18, 'no-such-device');
});

test('set finds the parameter by name, sets it and answers the value read back', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/set', 3, 1, 'Drive', 0.6319), ['/unmixer/ok', 3, 0.6319]);
  assert.equal(s.live.device(1, 1).parameters[1].value, 0.6319);
  // A quantized parameter: Live rounds, and the reply says what Live holds.
  assert.deepEqual(s.ask('/unmixer/set', 4, 1, 'Type', 2.4), ['/unmixer/ok', 4, 2]);
});

test('set finds parameters by name wherever they are, not by a fixed index', () => {
  const s = setup();
  s.live.device(1, 1).parameters.reverse();
  assert.deepEqual(s.ask('/unmixer/set', 3, 1, 'Dry/Wet', 0.25), ['/unmixer/ok', 3, 0.25]);
  assert.equal(s.live.device(1, 1).parameters.find((p) => p.name === 'Dry/Wet').value, 0.25);
});

test('a misspelt parameter is no-such-parameter naming the device', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/set', 4, 1, 'Drvie', 0.5), ['/unmixer/error', 4, 'no-such-parameter',
    'Saturator has no parameter "Drvie"']);
});

test('a value outside [min, max] is out-of-range and never reaches Live', () => {
  const s = setup();
  assertError(s.ask('/unmixer/set', 5, 1, 'Drive', 36.5), 5, 'out-of-range', '[-36, 36]');
  assertError(s.ask('/unmixer/set', 6, 1, 'Drive', -40), 6, 'out-of-range', 'got -40');
  assert.equal(s.live.device(1, 1).parameters[1].value, 0);
});

test('a bound sent as float32 counts as the bound', () => {
  const s = setup();
  const max = Math.fround(0.1);
  s.live.device(1, 1).parameters[3].max = 0.1;
  assert.ok(max > 0.1);
  assert.deepEqual(s.ask('/unmixer/set', 7, 1, 'Dry/Wet', max), ['/unmixer/ok', 7, 0.1]);
});

test('set with a missing device, name or value is answered, never thrown', () => {
  const s = setup();
  assertError(s.ask('/unmixer/set', 8, 9, 'Drive', 0.5), 8, 'no-such-device');
  assertError(s.ask('/unmixer/set', 9, 1, 'Drive'), 9, 'bad-request', 'value');
  assertError(s.ask('/unmixer/set', 10, 1, 'Drive', 'loud'), 10, 'bad-request', 'value');
  assertError(s.ask('/unmixer/set', 11, 1, '', 0.5), 11, 'bad-request', 'parameter name');
});

test('wavetable sets category then wavetable by name and answers both indices', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/wavetable', 20, 0, 2, 'Collection', 'Glass'), ['/unmixer/ok', 20, 1, 1]);
  assert.deepEqual(s.live.device(1, 0).wavetable.osc[2], { category: 1, index: 1 });
  assert.deepEqual(s.live.device(1, 0).wavetable.osc[1], { category: 0, index: 0 });
  assert.deepEqual(s.ask('/unmixer/wavetable', 21, 0, 1, 'Basics', 'Saw'), ['/unmixer/ok', 21, 0, 2]);
});

test('wavetable errors: unknown category or name, bad oscillator, not a Wavetable', () => {
  const s = setup();
  assertError(s.ask('/unmixer/wavetable', 22, 0, 1, 'Basix', 'Saw'), 22, 'no-such-parameter', '"Basix"');
  assertError(s.ask('/unmixer/wavetable', 23, 0, 1, 'Noise', 'Saw'), 23, 'no-such-parameter', '"Saw" in Noise');
  assertError(s.ask('/unmixer/wavetable', 24, 0, 3, 'Basics', 'Saw'), 24, 'bad-request', 'oscillator');
  assertError(s.ask('/unmixer/wavetable', 25, 1, 1, 'Basics', 'Saw'), 25, 'bad-request', 'not a Wavetable');
  assertError(s.ask('/unmixer/wavetable', 26, 7, 1, 'Basics', 'Saw'), 26, 'no-such-device');
});

test('load answers the length when the buffer has read the file', () => {
  const s = setup();
  assert.deepEqual(s.request('/unmixer/load', 30, '/tmp/original.wav'), []);
  assert.deepEqual(s.audio.log, [['load', '/tmp/original.wav']]);
  s.audio.pending.load(null, 1234.5);
  assert.deepEqual(s.replies.at(-1), ['/unmixer/ok', 30, 1234.5]);
});

test('load of an unreadable file is file-error; a relative path bad-request; overlapping busy', () => {
  const s = setup();
  s.request('/unmixer/load', 31, '/nope.wav');
  assertError(s.ask('/unmixer/load', 32, '/other.wav'), 32, 'busy');
  s.audio.pending.load('no such file, or not readable');
  assertError(s.replies.at(-1), 31, 'file-error', '/nope.wav');
  assertError(s.ask('/unmixer/load', 33, 'original.wav'), 33, 'bad-request', 'absolute');
  assert.deepEqual(s.request('/unmixer/load', 34, 'C:/Samples/a.wav'), []);
});

test('ab switches with the protocol\'s crossfade and answers which', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/ab', 40, 1), ['/unmixer/ok', 40, 1]);
  assert.deepEqual(s.ask('/unmixer/ab', 41, 0), ['/unmixer/ok', 41, 0]);
  assert.deepEqual(s.audio.log, [['ab', 1, AB_FADE_MS], ['ab', 0, AB_FADE_MS]]);
  assert.equal(AB_FADE_MS, 5);
  assertError(s.ask('/unmixer/ab', 42, 2), 42, 'bad-request', 'which');
});

test('play and stop drive the player', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/play', 43), ['/unmixer/ok', 43]);
  assert.deepEqual(s.ask('/unmixer/stop', 44), ['/unmixer/ok', 44]);
  assert.deepEqual(s.audio.log, [['play'], ['stop']]);
});

test('record answers at once and pushes recorded when the file is written', () => {
  const s = setup();
  assert.deepEqual(s.ask('/unmixer/record', 50, '/tmp/out.wav', 2.5), ['/unmixer/ok', 50]);
  assert.deepEqual(s.audio.log, [['record', '/tmp/out.wav', 2.5]]);
  assertError(s.ask('/unmixer/record', 51, '/tmp/again.wav', 1), 51, 'busy');
  s.audio.pending.record(null);
  assert.deepEqual(s.replies.at(-1), ['/unmixer/recorded', 50, '/tmp/out.wav']);
  assert.deepEqual(s.ask('/unmixer/record', 52, '/tmp/again.wav', 1), ['/unmixer/ok', 52]);
});

test('a recording that fails is pushed as error 0 file-error and frees the recorder', () => {
  const s = setup();
  s.ask('/unmixer/record', 53, '/tmp/out.wav', 1);
  s.audio.pending.record('the file was not written');
  assertError(s.replies.at(-1), 0, 'file-error', 'the file was not written');
  assert.deepEqual(s.ask('/unmixer/record', 54, '/tmp/out.wav', 1), ['/unmixer/ok', 54]);
});

test('record with bad arguments is bad-request', () => {
  const s = setup();
  assertError(s.ask('/unmixer/record', 55, '/tmp/out.wav', 0), 55, 'bad-request', 'seconds');
  assertError(s.ask('/unmixer/record', 56, '/tmp/out.wav'), 56, 'bad-request', 'seconds');
  assertError(s.ask('/unmixer/record', 57, '/tmp/out.aif', 1), 57, 'bad-request', '.wav');
  assertError(s.ask('/unmixer/record', 58, 'out.wav', 1), 58, 'bad-request', 'absolute');
  assert.deepEqual(s.audio.log, []);
});

test('a request id that is not an int >= 1 is answered with id 0', () => {
  const s = setup();
  for (const bad of [[], [0], [-3], [1.5], ['7']]) {
    assertError(s.ask('/unmixer/hello', ...bad), 0, 'bad-request', 'request id');
  }
  assertError(s.ask('/unmixer/frobnicate', 'x'), 0, 'bad-request');
});

test('an unknown address is unknown-address with the request id', () => {
  const s = setup();
  assertError(s.ask('/unmixer/frobnicate', 60), 60, 'unknown-address', '/unmixer/frobnicate');
  assertError(s.ask('/live/song/get/tempo', 61), 61, 'unknown-address');
  assertError(s.ask('/unmixer/toString', 62), 62, 'unknown-address');
  assertError(s.ask('/unmixer/ok', 63), 63, 'unknown-address');
});

test('the Live API throwing becomes live-error with its text', () => {
  const s = setup();
  s.live.breakNext('Live is busy');
  assertError(s.ask('/unmixer/devices', 70), 70, 'live-error', 'Live is busy');
  s.live.breakNext('Set not allowed');
  assertError(s.ask('/unmixer/set', 71, 1, 'Drive', 0.5), 71, 'live-error', 'Set not allowed');
  // The next request works again.
  assert.equal(s.ask('/unmixer/hello', 72)[0], '/unmixer/ok');
});

test('a device that is not directly on a track says so in hello and ready', () => {
  const s = setup();
  const tracks = s.live.tracks;
  tracks[0].devices.push(tracks[1].devices.pop());
  assert.deepEqual(s.ask('/unmixer/hello', 80), ['/unmixer/ok', 80, PROTOCOL, '12.3.5', 0, 0]);
  const orphan = makeFakeLive({ tracks: [['Saturator']] });
  const replies = [];
  const d = makeDevice({ liveApi: orphan.liveApi, send: (a, args) => replies.push([a, ...args]), audio: makeFakeAudio() });
  d.ready();
  d.handle('/unmixer/hello', [1]);
  assertError(replies[0], 0, 'not-supported', 'directly on a track');
  assertError(replies[1], 1, 'not-supported');
});

test('the module loads in Node without touching Max globals', () => {
  const mod = require('../src/unmixer.js');
  assert.deepEqual(Object.keys(mod).sort(), ['AB_FADE_MS', 'PROTOCOL', 'makeDevice']);
  assert.equal(mod.PROTOCOL, 'unmixer-device/1');
});
