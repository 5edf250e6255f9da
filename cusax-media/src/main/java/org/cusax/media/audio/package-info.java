/**
 * Audio as 20 ms frames of 8 kHz 16-bit mono PCM: WAV, tone and silence sources, WAV, null and tee sinks, a
 * muting wrapper, and signal analysis for tests. WAV decoding and resampling use
 * {@code javax.sound.sampled}; only the WAV writer is hand-written (it patches the header on close).
 */
package org.cusax.media.audio;
