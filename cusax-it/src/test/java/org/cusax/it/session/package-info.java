/**
 * The dual-stack session (RFC 7081 §3): both halves up and secured, each surviving the loss of its
 * server without touching the other, clear failures, feature switches.
 */
package org.cusax.it.session;
