/**
 * Benchmarks of {@code cusax-media}: G.711 encode/decode of one 20 ms frame and SDP parsing of a
 * typical offer.
 */
package org.cusax.bench.media;
