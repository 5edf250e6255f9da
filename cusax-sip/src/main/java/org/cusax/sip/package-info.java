/**
 * The SIP half of CUSAX ("Telephony", RFC 7081) on JAIN-SIP: {@link org.cusax.sip.JainSipTelephonyPort}
 * implements the core's {@link org.cusax.core.port.TelephonyPort}, one JAIN-SIP stack per account.
 * Sub-packages: {@code stack} (the only code touching {@code gov.nist.*}), {@code tls}, {@code net},
 * {@code auth}, {@code registration}, {@code keepalive}, {@code processor}.
 */
package org.cusax.sip;
