/**
 * The client session: both halves started independently, their states, the security parity check,
 * chat sending through the outbox, and the command API every UI speaks.
 */
package org.cusax.core.client;
