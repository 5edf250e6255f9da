/**
 * SASL for the sandbox's Vysper server (RFC 6120 §6): a SCRAM-SHA-1 server mechanism (RFC 5802) and
 * the {@code <auth/>}/{@code <response/>}/{@code <abort/>} handlers that multi-step mechanisms need,
 * which Vysper 0.7 lacks (it offers single-step PLAIN only). Sandbox use only: no SASLprep, no -PLUS.
 */
package org.cusax.sandbox.xmpp.sasl;
