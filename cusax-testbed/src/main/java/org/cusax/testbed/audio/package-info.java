/**
 * A private PulseAudio sound server for tests of live audio: null sinks stand in for the microphone and
 * the speaker, and ALSA (hence Java Sound) of a client started with its environment sees them as "default".
 */
package org.cusax.testbed.audio;
