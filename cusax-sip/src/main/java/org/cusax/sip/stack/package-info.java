/**
 * The JAIN-SIP stack for one account: its properties (limits, timeouts, our network layer, logging),
 * creation with a listening point and provider, and the few JAIN-SIP extensions we need (the
 * connection's local address, CRLF heartbeats). This package is the only place that touches
 * {@code gov.nist.*} ({@code NistStack} for calls, plus the classes the stack instantiates by name:
 * network layer and loggers); everything else uses {@code javax.sip.*}.
 *
 * <p>JAIN-SIP 1.3.0-91 behaviours worked around here:
 * <ul>
 *   <li>a listening point on port 0 is refused ("bad port"): a free port is picked first;</li>
 *   <li>every TLS socket gets the stack's protocol and cipher lists forced on it after creation, by
 *       default TLSv1/1.1/1.2 and four old suites (two of them anonymous): both are set explicitly;</li>
 *   <li>its own TLS layer trusts every certificate: all sockets come from {@link
 *       org.cusax.sip.stack.PolicyNetworkLayer} instead;</li>
 *   <li>the stack does not tell the application when a TCP/TLS connection closes: our sockets report it;</li>
 *   <li>{@code getLocalAddressForTlsDst} returns a cached socket even after it closed: checked and
 *       replaced in {@link org.cusax.sip.stack.SipEndpoint#connectToServer()};</li>
 *   <li>each stack leaks a non-daemon "EventScannerThread" on stop: woken and ended in {@code NistStack};</li>
 *   <li>{@code SipFactory} keeps every stack it created forever: stacks are created directly;</li>
 *   <li>stopping a stack takes about a second (internal sleep).</li>
 * </ul>
 * Message traces: set the logger {@code org.cusax.sip.messages} to TRACE (Authorization values are
 * redacted); the stack's own log is {@code org.cusax.sip.jainsip}.
 */
package org.cusax.sip.stack;
