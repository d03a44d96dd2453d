{
	"patcher" : {
		"fileversion" : 1,
		"appversion" : {
			"major" : 9,
			"minor" : 0,
			"revision" : 0,
			"architecture" : "x64",
			"modernui" : 1
		},
		"classnamespace" : "box",
		"rect" : [ 100.0, 100.0, 900.0, 680.0 ],
		"openinpresentation" : 1,
		"default_fontsize" : 12.0,
		"default_fontface" : 0,
		"default_fontname" : "Arial",
		"gridonopen" : 1,
		"gridsize" : [ 15.0, 15.0 ],
		"gridsnaponopen" : 1,
		"boxes" : [
			{
				"box" : {
					"id" : "obj-1",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 3,
					"outlettype" : [ "bang", "int", "int" ],
					"patching_rect" : [ 30.0, 40.0, 119.0, 22.0 ],
					"text" : "live.thisdevice"
				}
			},
			{
				"box" : {
					"id" : "obj-2",
					"maxclass" : "message",
					"numinlets" : 2,
					"numoutlets" : 1,
					"outlettype" : [ "" ],
					"patching_rect" : [ 30.0, 80.0, 42.0, 22.0 ],
					"text" : "init"
				}
			},
			{
				"box" : {
					"id" : "obj-3",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 1,
					"outlettype" : [ "" ],
					"patching_rect" : [ 180.0, 40.0, 189.0, 22.0 ],
					"text" : "udpreceive 11020 @defer 1"
				}
			},
			{
				"box" : {
					"id" : "obj-4",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 3,
					"outlettype" : [ "", "", "" ],
					"patching_rect" : [ 30.0, 140.0, 200.0, 22.0 ],
					"text" : "v8 unmixer.js"
				}
			},
			{
				"box" : {
					"id" : "obj-5",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 0,
					"patching_rect" : [ 30.0, 260.0, 175.0, 22.0 ],
					"text" : "udpsend 127.0.0.1 11021"
				}
			},
			{
				"box" : {
					"id" : "obj-6",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 8,
					"outlettype" : [ "", "", "", "", "", "", "", "" ],
					"patching_rect" : [ 300.0, 200.0, 330.0, 22.0 ],
					"text" : "route xfade seek speed rec chans udpport replyport"
				}
			},
			{
				"box" : {
					"id" : "obj-7",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 2,
					"outlettype" : [ "float", "bang" ],
					"patching_rect" : [ 240.0, 140.0, 170.0, 22.0 ],
					"text" : "buffer~ ---unmixer-original"
				}
			},
			{
				"box" : {
					"id" : "obj-8",
					"maxclass" : "message",
					"numinlets" : 2,
					"numoutlets" : 1,
					"outlettype" : [ "" ],
					"patching_rect" : [ 420.0, 140.0, 56.0, 22.0 ],
					"text" : "loaded"
				}
			},
			{
				"box" : {
					"id" : "obj-22",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 1,
					"outlettype" : [ "" ],
					"patching_rect" : [ 560.0, 260.0, 98.0, 22.0 ],
					"text" : "prepend port"
				}
			},
			{
				"box" : {
					"id" : "obj-23",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 1,
					"outlettype" : [ "" ],
					"patching_rect" : [ 660.0, 260.0, 98.0, 22.0 ],
					"text" : "prepend port"
				}
			},
			{
				"box" : {
					"id" : "obj-9",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 2,
					"outlettype" : [ "signal", "signal" ],
					"patching_rect" : [ 30.0, 340.0, 63.0, 22.0 ],
					"text" : "plugin~"
				}
			},
			{
				"box" : {
					"id" : "obj-11",
					"maxclass" : "newobj",
					"numinlets" : 1,
					"numoutlets" : 1,
					"outlettype" : [ "signal" ],
					"patching_rect" : [ 360.0, 300.0, 42.0, 22.0 ],
					"text" : "sig~"
				}
			},
			{
				"box" : {
					"id" : "obj-12",
					"maxclass" : "newobj",
					"numinlets" : 3,
					"numoutlets" : 3,
					"outlettype" : [ "signal", "signal", "signal" ],
					"patching_rect" : [ 360.0, 340.0, 230.0, 22.0 ],
					"text" : "groove~ ---unmixer-original 2 @loop 1"
				}
			},
			{
				"box" : {
					"id" : "obj-24",
					"maxclass" : "newobj",
					"numinlets" : 3,
					"numoutlets" : 1,
					"outlettype" : [ "signal" ],
					"patching_rect" : [ 470.0, 380.0, 100.0, 22.0 ],
					"text" : "selector~ 2 1"
				}
			},
			{
				"box" : {
					"id" : "obj-13",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 2,
					"outlettype" : [ "signal", "bang" ],
					"patching_rect" : [ 300.0, 250.0, 49.0, 22.0 ],
					"text" : "line~"
				}
			},
			{
				"box" : {
					"id" : "obj-14",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 1,
					"outlettype" : [ "signal" ],
					"patching_rect" : [ 160.0, 380.0, 49.0, 22.0 ],
					"text" : "!-~ 1"
				}
			},
			{
				"box" : {
					"id" : "obj-15",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 1,
					"outlettype" : [ "signal" ],
					"patching_rect" : [ 30.0, 430.0, 40.0, 22.0 ],
					"text" : "*~"
				}
			},
			{
				"box" : {
					"id" : "obj-16",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 1,
					"outlettype" : [ "signal" ],
					"patching_rect" : [ 100.0, 430.0, 40.0, 22.0 ],
					"text" : "*~"
				}
			},
			{
				"box" : {
					"id" : "obj-17",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 1,
					"outlettype" : [ "signal" ],
					"patching_rect" : [ 360.0, 430.0, 40.0, 22.0 ],
					"text" : "*~"
				}
			},
			{
				"box" : {
					"id" : "obj-18",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 1,
					"outlettype" : [ "signal" ],
					"patching_rect" : [ 470.0, 430.0, 40.0, 22.0 ],
					"text" : "*~"
				}
			},
			{
				"box" : {
					"id" : "obj-10",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 2,
					"outlettype" : [ "signal", "signal" ],
					"patching_rect" : [ 30.0, 500.0, 70.0, 22.0 ],
					"text" : "plugout~"
				}
			},
			{
				"box" : {
					"id" : "obj-21",
					"maxclass" : "newobj",
					"numinlets" : 2,
					"numoutlets" : 1,
					"outlettype" : [ "signal" ],
					"patching_rect" : [ 680.0, 340.0, 91.0, 22.0 ],
					"text" : "sfrecord~ 2"
				}
			},
			{
				"box" : {
					"id" : "obj-30",
					"maxclass" : "comment",
					"numinlets" : 1,
					"numoutlets" : 0,
					"patching_rect" : [ 30.0, 560.0, 620.0, 40.0 ],
					"linecount" : 2,
					"text" : "Un-Mixer Link: the Neural Un-Mixer app talks to this device over OSC (requests on UDP 11020, replies to 11021; max-device/PROTOCOL.md). Keep it last on the rebuilt track."
				}
			},
			{
				"box" : {
					"id" : "obj-31",
					"maxclass" : "comment",
					"numinlets" : 1,
					"numoutlets" : 0,
					"patching_rect" : [ 160.0, 460.0, 420.0, 40.0 ],
					"linecount" : 2,
					"text" : "A/B: line~ ramps 0 (the track) to 1 (the original) in 5 ms; each side is gained by it or by 1 minus it."
				}
			},
			{
				"box" : {
					"id" : "obj-32",
					"maxclass" : "comment",
					"numinlets" : 1,
					"numoutlets" : 0,
					"patching_rect" : [ 30.0, 600.0, 240.0, 20.0 ],
					"text" : "Un-Mixer Link - OSC 11020 -> 11021",
					"presentation" : 1,
					"presentation_rect" : [ 8.0, 8.0, 240.0, 20.0 ]
				}
			}
		],
		"lines" : [
			{
				"patchline" : {
					"source" : [ "obj-1", 0 ],
					"destination" : [ "obj-2", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-2", 0 ],
					"destination" : [ "obj-4", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-3", 0 ],
					"destination" : [ "obj-4", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-4", 0 ],
					"destination" : [ "obj-5", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-4", 1 ],
					"destination" : [ "obj-7", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-7", 1 ],
					"destination" : [ "obj-8", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-8", 0 ],
					"destination" : [ "obj-4", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-4", 2 ],
					"destination" : [ "obj-6", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-6", 0 ],
					"destination" : [ "obj-13", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-6", 1 ],
					"destination" : [ "obj-12", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-6", 2 ],
					"destination" : [ "obj-11", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-6", 3 ],
					"destination" : [ "obj-21", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-6", 4 ],
					"destination" : [ "obj-24", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-6", 5 ],
					"destination" : [ "obj-22", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-6", 6 ],
					"destination" : [ "obj-23", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-22", 0 ],
					"destination" : [ "obj-3", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-23", 0 ],
					"destination" : [ "obj-5", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-11", 0 ],
					"destination" : [ "obj-12", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-9", 0 ],
					"destination" : [ "obj-15", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-9", 1 ],
					"destination" : [ "obj-16", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-13", 0 ],
					"destination" : [ "obj-14", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-14", 0 ],
					"destination" : [ "obj-15", 1 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-14", 0 ],
					"destination" : [ "obj-16", 1 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-12", 0 ],
					"destination" : [ "obj-17", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-12", 0 ],
					"destination" : [ "obj-24", 1 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-12", 1 ],
					"destination" : [ "obj-24", 2 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-24", 0 ],
					"destination" : [ "obj-18", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-13", 0 ],
					"destination" : [ "obj-17", 1 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-13", 0 ],
					"destination" : [ "obj-18", 1 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-15", 0 ],
					"destination" : [ "obj-10", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-17", 0 ],
					"destination" : [ "obj-10", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-16", 0 ],
					"destination" : [ "obj-10", 1 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-18", 0 ],
					"destination" : [ "obj-10", 1 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-9", 0 ],
					"destination" : [ "obj-21", 0 ]
				}
			},
			{
				"patchline" : {
					"source" : [ "obj-9", 1 ],
					"destination" : [ "obj-21", 1 ]
				}
			}
		],
		"parameters" : {},
		"dependency_cache" : [],
		"latency" : 0,
		"is_mpe" : 0,
		"minimum_live_version" : "",
		"minimum_max_version" : "",
		"platform_compatibility" : 0,
		"devicewidth" : 260.0,
		"autosave" : 0
	}
}
