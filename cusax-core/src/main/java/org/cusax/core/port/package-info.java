/**
 * Ports: what the core needs from each protocol half. The Smack adapter implements {@link
 * org.cusax.core.port.ChatPort}, the JAIN-SIP adapter {@link org.cusax.core.port.TelephonyPort}.
 * Starting a port never blocks and never touches the other half.
 */
package org.cusax.core.port;
