// The Max glue at the bottom of unmixer.js, run in a sandbox with stand-ins for Max's globals
// (LiveAPI, outlet, File, Buffer, Task), and checked against the patcher's wiring.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const SRC = path.join(__dirname, '..', 'src');
const { makeFakeLive } = require('./fake-live.js');

/** Loads unmixer.js as Max's v8 would: as a script whose top-level functions are globals. */
function loadInMax(options) {
  const live = makeFakeLive({ tracks: [['Wavetable', 'Un-Mixer Link']] });
  const out = [];
  const tasks = [];
  const sandbox = {
    // JSON copies: arrays made inside the sandbox have another realm's prototype.
    outlet: (...args) => out.push(JSON.parse(JSON.stringify(args))),
    arrayfromargs: (a) => Array.from(a),
    LiveAPI: function (callback, p) {
      return live.liveApi(p);
    },
    File: function (p) {
      this.isopen = options.files.includes(p);
      this.close = () => {};
    },
    Buffer: function () {
      this.channelcount = () => options.channels;
      this.length = () => 1500;
    },
    Task: function (fn) {
      const task = { fn, ms: null, cancelled: false };
      tasks.push(task);
      this.schedule = (ms) => { task.ms = ms; };
      this.cancel = () => { task.cancelled = true; };
    }
  };
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(path.join(SRC, 'unmixer.js'), 'utf8'), sandbox);
  /** Sends an OSC message as udpreceive delivers it: the address is the message name. */
  sandbox.osc = (address, ...args) => {
    sandbox.messagename = address;
    sandbox.anything(...args);
  };
  return { max: sandbox, out, tasks };
}

test('the script declares the inlets and outlets the patcher wires', () => {
  const { max } = loadInMax({ files: [], channels: 2 });
  const patcher = JSON.parse(fs.readFileSync(path.join(SRC, 'unmixer.maxpat'), 'utf8')).patcher;
  const v8 = patcher.boxes.map((b) => b.box).find((b) => b.text === 'v8 unmixer.js');
  assert.equal(max.inlets, v8.numinlets);
  assert.equal(max.outlets, v8.numoutlets);
});

test('every selector the script sends to the audio outlet is one the route box knows', () => {
  const { max, out } = loadInMax({ files: ['/in.wav', '/out.wav'], channels: 1 });
  const patcher = JSON.parse(fs.readFileSync(path.join(SRC, 'unmixer.maxpat'), 'utf8')).patcher;
  const route = patcher.boxes.map((b) => b.box).find((b) => b.text.startsWith('route '));
  const known = route.text.split(' ').slice(1);
  const env = max.maxEnv();
  env.audio.ab(1, 5);
  env.audio.play();
  env.audio.stop();
  env.audio.record('/out.wav', 1, () => {});
  env.audio.load('/in.wav', () => {});
  max.loaded();
  max.port(11030);
  max.replyport(11031);
  const used = new Set(out.filter((o) => o[0] === 2).map((o) => o[1]));
  assert.deepEqual([...used].filter((s) => !known.includes(s)), []);
  assert.deepEqual([...used].sort(), [...known].sort(), 'every route outlet is used');
});

test('before live.thisdevice bangs, requests are answered busy; after, ready is pushed and requests work', () => {
  const { max, out } = loadInMax({ files: [], channels: 2 });
  max.osc('/unmixer/hello', 4);
  assert.deepEqual(out.pop(), [0, ['/unmixer/error', 4, 'busy', 'the device is still loading']]);
  max.init();
  assert.deepEqual(out.pop(), [0, ['/unmixer/ready', 'unmixer-device/1', 0, 1]]);
  max.osc('/unmixer/hello', 5);
  assert.deepEqual(out.pop(), [0, ['/unmixer/ok', 5, 'unmixer-device/1', '12.3.5', 0, 1]]);
});

test('load replaces the buffer and answers its length when buffer~ bangs', () => {
  const { max, out } = loadInMax({ files: ['/in.wav'], channels: 1 });
  max.init();
  max.osc('/unmixer/load', 6, '/in.wav');
  assert.deepEqual(out.pop(), [1, 'replace', '/in.wav']);
  max.loaded();
  assert.deepEqual(out.slice(-2), [[2, 'chans', 1], [0, ['/unmixer/ok', 6, 1500]]]);
});

test('load of a missing file is file-error at once; one buffer~ never finishes times out', () => {
  const { max, out, tasks } = loadInMax({ files: ['/odd.wav'], channels: 2 });
  max.init();
  max.osc('/unmixer/load', 7, '/missing.wav');
  assert.equal(out.pop()[1][2], 'file-error');
  max.osc('/unmixer/load', 8, '/odd.wav');
  const timeout = tasks.at(-1);
  assert.equal(timeout.ms, 10000);
  timeout.fn();
  const reply = out.pop()[1];
  assert.deepEqual(reply.slice(0, 3), ['/unmixer/error', 8, 'file-error']);
  max.loaded(); // a late bang changes nothing
  assert.equal(out.filter((o) => o[0] === 0 && o[1][1] === 8).length, 0);
});

test('record opens a WAV, starts, stops after the time and reports the file', () => {
  const { max, out, tasks } = loadInMax({ files: ['/out.wav'], channels: 2 });
  max.init();
  max.osc('/unmixer/record', 9, '/out.wav', 1.5);
  assert.deepEqual(out.slice(-3), [[0, ['/unmixer/ok', 9]], [2, 'rec', 'open', '/out.wav', 'wave'], [2, 'rec', 1]]);
  assert.equal(tasks.at(-1).ms, 1500);
  tasks.at(-1).fn();
  assert.deepEqual(out.pop(), [2, 'rec', 0]);
  tasks.at(-1).fn();
  assert.deepEqual(out.pop(), [0, ['/unmixer/recorded', 9, '/out.wav']]);
});
