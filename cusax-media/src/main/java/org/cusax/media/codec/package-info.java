/**
 * Audio codecs on 20 ms frames of 8 kHz mono PCM: G.711 µ-law/A-law written by hand (ITU-T G.711 is a few table
 * lookups, smaller than any dependency), Opus through Concentus, a pure-Java port of libopus.
 */
package org.cusax.media.codec;
