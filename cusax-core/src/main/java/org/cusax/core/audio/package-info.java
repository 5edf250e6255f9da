/**
 * The machine's sound devices in core terms: what a device is called and offers, which way audio flows,
 * and the port that lists them. No Java Sound type appears here; the media adapter implements the port.
 */
package org.cusax.core.audio;
