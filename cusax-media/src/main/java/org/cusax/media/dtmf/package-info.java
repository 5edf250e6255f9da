/**
 * DTMF as RFC 4733 telephone-events: payload, the sender's packet sequence, and a receiver reporting each key press
 * once. Hand-written: the format is four bytes and the rules fit in one small class each.
 */
package org.cusax.media.dtmf;
