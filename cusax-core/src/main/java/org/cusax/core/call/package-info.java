/**
 * Calls on the SIP half in core terms: the immutable {@link org.cusax.core.call.Call} snapshot, why a call
 * ended, what to place, and what audio to play or record — no protocol or media library types.
 */
package org.cusax.core.call;
